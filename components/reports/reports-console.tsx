"use client";
// The /reports page body: the date range (two date inputs and quick presets)
// and the four reports for it. The server renders the first range; a new
// range reloads all four from the API, and the field the API refuses shows
// its message beside it.
import { useState, type FormEvent } from "react";
import type {
  AlertOutcomesReport,
  GeofenceViolationsReport,
  PatrolComplianceReport,
  ResponseTimesReport,
} from "@/server/contracts/reports";
import { apiRequest } from "../ui/api-request";
import { FormField, fieldA11y } from "../ui/form-field";
import { AlertOutcomesReportView } from "./alert-outcomes-report";
import { PatrolComplianceReportView } from "./patrol-compliance-report";
import { reportUrl, type Range } from "./report-format";
import { ResponseTimesReportView } from "./response-times-report";
import { ViolationsReport } from "./violations-report";

export type Reports = {
  violations: GeofenceViolationsReport;
  responseTimes: ResponseTimesReport;
  outcomes: AlertOutcomesReport;
  patrols: PatrolComplianceReport;
};

const PRESETS = [7, 30, 90] as const;

function lastDays(days: number, today: string): Range {
  const from = new Date(Date.parse(today) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}

export function ReportsConsole({ initial, today }: { initial: Reports & { range: Range }; today: string }) {
  const [draft, setDraft] = useState<Range>(initial.range);
  const [shown, setShown] = useState<Reports & { range: Range }>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(range: Range) {
    setLoading(true);
    setMessage(null);
    const [violations, responseTimes, outcomes, patrols] = await Promise.all([
      apiRequest<GeofenceViolationsReport>(reportUrl("geofence-violations", range)),
      apiRequest<ResponseTimesReport>(reportUrl("response-times", range)),
      apiRequest<AlertOutcomesReport>(reportUrl("alert-outcomes", range)),
      apiRequest<PatrolComplianceReport>(reportUrl("patrol-compliance", range)),
    ]);
    setLoading(false);
    if (!violations.ok || !responseTimes.ok || !outcomes.ok || !patrols.ok) {
      const failed = [violations, responseTimes, outcomes, patrols].find((r) => !r.ok)!;
      if (!failed.ok) {
        setErrors({ from: failed.fields["query.from"] ?? "", to: failed.fields["query.to"] ?? "" });
        if (!failed.fields["query.from"] && !failed.fields["query.to"]) setMessage(failed.message);
      }
      return;
    }
    setErrors({});
    setShown({
      range,
      violations: violations.data,
      responseTimes: responseTimes.data,
      outcomes: outcomes.data,
      patrols: patrols.data,
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void load(draft);
  }

  function preset(days: number) {
    const range = lastDays(days, today);
    setDraft(range);
    void load(range);
  }

  return (
    <>
      <form className="panel report-range" onSubmit={submit} aria-label="Date range">
        <FormField id="report-from" label="From" error={errors.from || undefined}>
          <input
            type="date"
            value={draft.from}
            max={today}
            required
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            {...fieldA11y("report-from", errors.from || undefined)}
          />
        </FormField>
        <FormField id="report-to" label="To" error={errors.to || undefined}>
          <input
            type="date"
            value={draft.to}
            required
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            {...fieldA11y("report-to", errors.to || undefined)}
          />
        </FormField>
        <div className="report-range-actions">
          <button type="submit" className="btn" disabled={loading}>
            {loading ? "Loading…" : "Show"}
          </button>
          {PRESETS.map((days) => (
            <button key={days} type="button" className="btn-ghost btn-small" onClick={() => preset(days)}>
              Last {days} days
            </button>
          ))}
        </div>
      </form>
      {message ? (
        <p className="notice" data-tone="warn" role="alert">
          {message}
        </p>
      ) : null}
      <p className="muted report-note">
        {shown.range.from} to {shown.range.to}, both included. Days are each site&apos;s own calendar days (its time
        zone); alerts without a site count in UTC.
      </p>
      <div className="report-grid" aria-busy={loading}>
        <ViolationsReport report={shown.violations} range={shown.range} />
        <ResponseTimesReportView report={shown.responseTimes} range={shown.range} />
        <AlertOutcomesReportView report={shown.outcomes} range={shown.range} />
        <PatrolComplianceReportView report={shown.patrols} range={shown.range} />
      </div>
    </>
  );
}
