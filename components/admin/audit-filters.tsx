"use client";
// The audit log's filters: who, which entity, which action, which days. Days
// are the viewer's own (from = the start of the first, to = the end of the
// last), sent as instants, as on the alert history.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { auditActions, auditEntityTypes } from "@/server/contracts/audit";

export type AuditFilterValues = {
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  fromDay: string;
  toDay: string;
};

const NO_AUDIT_FILTER: AuditFilterValues = {
  actor: "",
  entityType: "",
  entityId: "",
  action: "",
  fromDay: "",
  toDay: "",
};

function auditSearch(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "entityType", "entityId", "action"] as const) {
    if (values[key].trim()) params.set(key, values[key].trim());
  }
  // The days as chosen, for the form on the next page; the API reads from and to.
  if (values.fromDay) params.set("fromDay", values.fromDay);
  if (values.toDay) params.set("toDay", values.toDay);
  if (values.fromDay) params.set("from", new Date(`${values.fromDay}T00:00:00`).toISOString());
  if (values.toDay) params.set("to", new Date(`${values.toDay}T23:59:59.999`).toISOString());
  return params;
}

const label = (value: string) => value.replace(/_/g, " ");

export function AuditFilters({ initial }: { initial: AuditFilterValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const field = (key: keyof AuditFilterValues) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return (
    <form
      className="history-filters"
      role="search"
      aria-label="Filter the audit log"
      onSubmit={(event) => {
        event.preventDefault();
        router.push(`/admin/audit?${auditSearch(values).toString()}`);
      }}
    >
      <label>
        Who
        <input type="search" placeholder="email or user id" {...field("actor")} />
      </label>
      <label>
        Entity
        <select {...field("entityType")}>
          <option value="">any</option>
          {auditEntityTypes.map((t) => (
            <option key={t} value={t}>
              {label(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Entity id
        <input placeholder="e.g. phone-789 or a uuid" {...field("entityId")} />
      </label>
      <label>
        Action
        <select {...field("action")}>
          <option value="">any</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {label(a)}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" {...field("fromDay")} />
      </label>
      <label>
        To
        <input type="date" {...field("toDay")} />
      </label>
      <div className="form-actions">
        <button className="btn" type="submit">
          Show
        </button>
        <button
          className="btn-ghost"
          type="button"
          onClick={() => {
            setValues(NO_AUDIT_FILTER);
            router.push("/admin/audit");
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
