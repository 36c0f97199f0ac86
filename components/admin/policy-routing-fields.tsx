"use client";
// Which alerts a policy takes and when it keeps quiet: alert types, severities
// and sites (each left empty takes any; all empty makes the default policy),
// its priority among the policies an alert matches, and optional quiet hours
// (non-critical alerts' deliveries wait until they end).
import { alertSeverities } from "@/server/contracts/socket-events";
import { fieldA11y, FormField } from "../ui/form-field";

export type RoutingDraft = {
  types: string;
  severities: string[];
  siteIds: string[];
  priority: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  timezone: string;
};

type Props = {
  idPrefix: string;
  draft: RoutingDraft;
  sites: { id: string; name: string }[];
  errors: Record<string, string>;
  onChange: (draft: RoutingDraft) => void;
};

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

/** The error of a field or of any item under it (match.siteIds.0 shows beside the sites). */
const errorUnder = (errors: Record<string, string>, path: string) =>
  Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];

export function PolicyRoutingFields({ idPrefix, draft, sites, errors, onChange }: Props) {
  const id = (field: string) => `${idPrefix}-${field}`;
  const set = (patch: Partial<RoutingDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="form-wide tier" aria-label="Which alerts">
      <legend>Which alerts</legend>
      <FormField
        id={id("types")}
        label="Alert types"
        error={errorUnder(errors, "match.types")}
        hint="Comma-separated, e.g. panic, man-down; empty: any type"
      >
        <input
          {...fieldA11y(id("types"), errorUnder(errors, "match.types"))}
          value={draft.types}
          onChange={(e) => set({ types: e.target.value })}
        />
      </FormField>
      <div className="field" data-invalid={errorUnder(errors, "match.severities") ? "" : undefined}>
        <span className="label">Severities</span>
        <div className="checks" role="group" aria-label="Severities">
          {alertSeverities.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={draft.severities.includes(s)}
                onChange={(e) => set({ severities: toggle(draft.severities, s, e.target.checked) })}
              />
              {s}
            </label>
          ))}
        </div>
        <span className={errorUnder(errors, "match.severities") ? "field-error" : "field-hint muted"}>
          {errorUnder(errors, "match.severities") ?? "None ticked: any severity"}
        </span>
      </div>
      <div className="field" data-invalid={errorUnder(errors, "match.siteIds") ? "" : undefined}>
        <span className="label">Sites</span>
        <div className="checks" role="group" aria-label="Sites">
          {sites.length === 0 && <span className="muted">No sites yet.</span>}
          {sites.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={draft.siteIds.includes(s.id)}
                onChange={(e) => set({ siteIds: toggle(draft.siteIds, s.id, e.target.checked) })}
              />
              {s.name}
            </label>
          ))}
        </div>
        <span className={errorUnder(errors, "match.siteIds") ? "field-error" : "field-hint muted"}>
          {errorUnder(errors, "match.siteIds") ?? "None ticked: any site, and alerts without one"}
        </span>
      </div>
      <FormField
        id={id("priority")}
        label="Priority"
        error={errors.priority ?? errorUnder(errors, "match")}
        hint="Lowest first among the policies an alert matches; the default (nothing chosen above) comes last"
      >
        <input
          {...fieldA11y(id("priority"), errors.priority ?? errorUnder(errors, "match"))}
          type="number"
          min={0}
          max={10000}
          value={draft.priority}
          onChange={(e) => set({ priority: e.target.value })}
        />
      </FormField>
      <label className="check form-wide">
        <input type="checkbox" checked={draft.quiet} onChange={(e) => set({ quiet: e.target.checked })} />
        Quiet hours (critical alerts never wait)
      </label>
      {draft.quiet && (
        <>
          <FormField id={id("quiet-from")} label="Quiet from" error={errorUnder(errors, "quietHours.from")}>
            <input
              {...fieldA11y(id("quiet-from"), errorUnder(errors, "quietHours.from"))}
              type="time"
              value={draft.quietFrom}
              onChange={(e) => set({ quietFrom: e.target.value })}
            />
          </FormField>
          <FormField
            id={id("quiet-to")}
            label="Quiet until"
            error={errorUnder(errors, "quietHours.to")}
            hint="May be the next morning"
          >
            <input
              {...fieldA11y(id("quiet-to"), errorUnder(errors, "quietHours.to"))}
              type="time"
              value={draft.quietTo}
              onChange={(e) => set({ quietTo: e.target.value })}
            />
          </FormField>
          <FormField
            id={id("timezone")}
            label="Time zone"
            error={errorUnder(errors, "quietHours.timezone")}
            hint="IANA name, e.g. Asia/Kolkata"
          >
            <input
              {...fieldA11y(id("timezone"), errorUnder(errors, "quietHours.timezone"))}
              value={draft.timezone}
              onChange={(e) => set({ timezone: e.target.value })}
            />
          </FormField>
        </>
      )}
    </fieldset>
  );
}
