"use client";
// Assign a guard to the site with weekly shifts: each shift is a set of days
// and a from/to time (to before from runs past midnight); no shift at all
// means the guard is always on shift there; optionally lone-worker check-ins.
// Errors sit beside the field.
import { useState, type FormEvent } from "react";
import type { GuardDto } from "@/server/contracts/api";
import type { AssignmentDto, WeeklyWindow } from "@/server/contracts/sites";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { CheckInFields, checkInBody, type CheckInValues } from "./check-in-fields";
import { weekdays } from "./shift-text";

type ShiftRow = WeeklyWindow & { key: number };

type Props = {
  siteId: string;
  siteTimezone: string;
  guards: GuardDto[];
  onAssigned: (guard: GuardDto, result: AssignmentDto, timezone: string | null) => void;
};

let nextKey = 0;
const newShift = (): ShiftRow => ({ key: ++nextKey, days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" });

export function AssignGuardForm({ siteId, siteTimezone, guards: all, onAssigned }: Props) {
  // A deactivated guard takes no new site (the API answers 409); reactivate them on the Guards page first.
  const guards = all.filter((g) => g.active);
  const [guardId, setGuardId] = useState(guards[0]?.externalId ?? "");
  const [shifts, setShifts] = useState<ShiftRow[]>([]);
  const [timezone, setTimezone] = useState("");
  const [checkIns, setCheckIns] = useState<CheckInValues>({ minutes: "", grace: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const setShift = (key: number, patch: Partial<WeeklyWindow>) =>
    setShifts((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const toggleDay = (row: ShiftRow, day: number) =>
    setShift(row.key, {
      days: row.days.includes(day) ? row.days.filter((d) => d !== day) : [...row.days, day].sort(),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const guard = guards.find((g) => g.externalId === guardId);
    if (!guard) return setErrors({ guard: "choose a guard" });
    setPending(true);
    setDone(null);
    const result = await apiRequest<AssignmentDto>(
      `/api/v1/guards/${encodeURIComponent(guard.externalId)}/assignments`,
      {
        method: "POST",
        body: {
          siteId,
          shifts: shifts.map(({ days, from, to }) => ({ days, from, to })),
          timezone: timezone.trim() || undefined,
          ...checkInBody(checkIns),
        },
      },
    );
    setPending(false);
    if (!result.ok) {
      setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
      return;
    }
    setErrors({});
    setShifts([]);
    setDone(`${guard.name} assigned.`);
    onAssigned(guard, result.data, timezone.trim() || null);
  };

  if (guards.length === 0) return <p className="muted">Add guards on the Guards page to assign them to this site.</p>;

  const rowError = (i: number) =>
    errors[`shifts.${i}.days`] ?? errors[`shifts.${i}.from`] ?? errors[`shifts.${i}.to`] ?? errors[`shifts.${i}`];

  return (
    <form className="assign-form" onSubmit={submit} noValidate aria-label="Assign a guard">
      <h3>Assign a guard</h3>
      <div className="form-grid">
        <FormField id="assign-guard" label="Guard" error={errors.guard}>
          <select
            {...fieldA11y("assign-guard", errors.guard)}
            value={guardId}
            onChange={(e) => setGuardId(e.target.value)}
          >
            {guards.map((g) => (
              <option key={g.externalId} value={g.externalId}>
                {g.name} ({g.externalId})
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id="assign-timezone"
          label="Shifts' time zone"
          error={errors.timezone}
          hint={`Empty: the site's (${siteTimezone})`}
        >
          <input
            {...fieldA11y("assign-timezone", errors.timezone)}
            value={timezone}
            list="timezones"
            placeholder={siteTimezone}
            onChange={(e) => setTimezone(e.target.value)}
            autoComplete="off"
          />
        </FormField>
      </div>
      <fieldset className="shifts">
        <legend>Weekly shifts</legend>
        {shifts.length === 0 && <p className="muted">No shifts: always on shift at this site.</p>}
        {shifts.map((row, i) => (
          <div className="shift-row" key={row.key} role="group" aria-label={`Shift ${i + 1}`}>
            <div className="day-toggles">
              {weekdays.map((name, d) => (
                <label key={name} className="day-toggle">
                  <input type="checkbox" checked={row.days.includes(d + 1)} onChange={() => toggleDay(row, d + 1)} />
                  <span>{name}</span>
                </label>
              ))}
            </div>
            <label className="shift-time">
              From
              <input type="time" value={row.from} onChange={(e) => setShift(row.key, { from: e.target.value })} />
            </label>
            <label className="shift-time">
              To
              <input type="time" value={row.to} onChange={(e) => setShift(row.key, { to: e.target.value })} />
            </label>
            <button
              type="button"
              className="btn-ghost btn-small"
              onClick={() => setShifts((rows) => rows.filter((r) => r.key !== row.key))}
              aria-label={`Remove shift ${i + 1}`}
            >
              Remove
            </button>
            {rowError(i) && <span className="field-error shift-error">{rowError(i)}</span>}
          </div>
        ))}
        <button
          type="button"
          className="btn-ghost btn-small"
          onClick={() => setShifts((rows) => [...rows, newShift()])}
        >
          Add shift
        </button>
      </fieldset>
      <CheckInFields values={checkIns} onChange={setCheckIns} errors={errors} />
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      {errors.siteId && (
        <p className="error" role="alert">
          {errors.siteId}
        </p>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Assigning…" : "Assign"}
        </button>
        {done && (
          <span className="muted" role="status">
            {done}
          </span>
        )}
      </div>
    </form>
  );
}
