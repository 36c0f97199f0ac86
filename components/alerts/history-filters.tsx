"use client";
// The alert history's filters. Days are taken in the operator's own time
// zone and sent as instants (since = the start of the first day, until = the
// end of the last), so "today" means the operator's today.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { alertSeverities } from "@/server/contracts/socket-events";

export type HistoryFilterValues = {
  q: string;
  status: string;
  severity: string;
  type: string;
  siteId: string;
  guard: string;
  from: string;
  to: string;
};

export const NO_FILTER: HistoryFilterValues = {
  q: "",
  status: "",
  severity: "",
  type: "",
  siteId: "",
  guard: "",
  from: "",
  to: "",
};

type Props = { initial: HistoryFilterValues; sites: { id: string; name: string }[]; types: string[] };

export function historySearch(values: HistoryFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["q", "status", "severity", "type", "siteId", "guard"] as const) {
    if (values[key].trim()) params.set(key, values[key].trim());
  }
  // The days as chosen, for the form on the next page; the API reads since and until.
  if (values.from) params.set("from", values.from);
  if (values.to) params.set("to", values.to);
  if (values.from) params.set("since", new Date(`${values.from}T00:00:00`).toISOString());
  if (values.to) params.set("until", new Date(`${values.to}T23:59:59.999`).toISOString());
  return params;
}

export function HistoryFilters({ initial, sites, types }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const field = (key: keyof HistoryFilterValues) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return (
    <form
      className="history-filters"
      role="search"
      aria-label="Filter alerts"
      onSubmit={(event) => {
        event.preventDefault();
        router.push(`/alerts?${historySearch(values).toString()}`);
      }}
    >
      <label>
        Search
        <input type="search" placeholder="message, guard, device, note" {...field("q")} />
      </label>
      <label>
        Status
        <select {...field("status")}>
          <option value="">any</option>
          <option value="open">open</option>
          <option value="NEW">new</option>
          <option value="ACKNOWLEDGED">acknowledged</option>
          <option value="RESOLVED">resolved</option>
        </select>
      </label>
      <label>
        Type
        <select {...field("type")}>
          <option value="">any</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select {...field("severity")}>
          <option value="">any</option>
          {alertSeverities.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Site
        <select {...field("siteId")}>
          <option value="">any</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Guard id
        <input placeholder="e.g. guard-789" {...field("guard")} />
      </label>
      <label>
        From
        <input type="date" {...field("from")} />
      </label>
      <label>
        To
        <input type="date" {...field("to")} />
      </label>
      <div className="form-actions">
        <button className="btn" type="submit">
          Show
        </button>
        <button
          className="btn-ghost"
          type="button"
          onClick={() => {
            setValues(NO_FILTER);
            router.push("/alerts");
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
