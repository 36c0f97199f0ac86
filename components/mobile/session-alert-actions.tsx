"use client";
// A signed-in supervisor's actions on one alert: acknowledge with one tap,
// then resolve with an outcome and an optional note. Someone else's change
// arrives live and replaces the buttons.
import Link from "next/link";
import { useState } from "react";
import { alertOutcomes, type AlertDetailDto, type ResolveAlertInput } from "@/server/contracts/alert-api";
import type { AlertStatus } from "@/server/contracts/socket-events";
import { useLiveEvents } from "../realtime/use-live-events";
import { apiRequest } from "../ui/api-request";
import { ClockTime } from "../ui/clock-time";

type Outcome = ResolveAlertInput["outcome"];
const outcomeLabel: Record<Outcome, string> = { real: "Real incident", false_alarm: "False alarm", test: "Test" };
const STATUS_RANK: Record<AlertStatus, number> = { NEW: 0, ACKNOWLEDGED: 1, RESOLVED: 2 };

type Props = {
  alertId: string;
  status: AlertStatus;
  acknowledgedAt: string | null;
  outcome: Outcome | null;
};

export function SessionAlertActions(props: Props) {
  const [alert, setAlert] = useState(props);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState("");

  const apply = (next: Pick<AlertDetailDto, "status" | "acknowledgedAt" | "outcome">) =>
    setAlert((known) =>
      STATUS_RANK[next.status] < STATUS_RANK[known.status]
        ? known
        : { ...known, status: next.status, acknowledgedAt: next.acknowledgedAt, outcome: next.outcome },
    );
  // A live event carries the status only: it moves the status forward and keeps what this page already knows
  // (the acknowledgement time, the outcome), so it never undoes the answer to this page's own request.
  useLiveEvents({
    "alerts:changed": (changed) => {
      const mine = changed.find((a) => a.id === props.alertId);
      if (mine)
        setAlert((known) =>
          STATUS_RANK[mine.status] > STATUS_RANK[known.status] ? { ...known, status: mine.status } : known,
        );
    },
  });

  const run = async (action: "acknowledge" | "resolve", body?: ResolveAlertInput) => {
    setPending(true);
    const result = await apiRequest<AlertDetailDto>(`/api/v1/alerts/${alert.alertId}/${action}`, {
      method: "POST",
      body,
    });
    setPending(false);
    setError(result.ok ? null : result.message);
    setFieldErrors(result.ok ? {} : result.fields);
    if (result.ok) apply(result.data);
  };

  return (
    <section className="mobile-card" aria-live="polite">
      {alert.status === "NEW" && (
        <button className="btn mobile-big" type="button" disabled={pending} onClick={() => void run("acknowledge")}>
          {pending ? "Acknowledging…" : "Acknowledge"}
        </button>
      )}
      {alert.status === "ACKNOWLEDGED" && (
        <>
          <p className="mobile-done">
            Acknowledged
            {alert.acknowledgedAt && (
              <>
                {" "}
                at <ClockTime iso={alert.acknowledgedAt} />
              </>
            )}
            .
          </p>
          <form
            className="mobile-resolve"
            aria-label="Resolve alert"
            onSubmit={(event) => {
              event.preventDefault();
              if (!outcome) return setFieldErrors({ outcome: "choose what the alert turned out to be" });
              void run("resolve", { outcome, ...(note.trim() ? { note: note.trim() } : {}) });
            }}
          >
            <fieldset aria-describedby={fieldErrors.outcome ? "outcome-error" : undefined}>
              <legend>What was it?</legend>
              <div className="mobile-outcomes">
                {alertOutcomes.map((o) => (
                  <label key={o} className="mobile-outcome" data-checked={outcome === o}>
                    <input
                      type="radio"
                      name="outcome"
                      value={o}
                      checked={outcome === o}
                      onChange={() => {
                        setOutcome(o);
                        setFieldErrors(({ outcome: _chosen, ...rest }) => rest);
                      }}
                    />
                    {outcomeLabel[o]}
                  </label>
                ))}
              </div>
              {fieldErrors.outcome && (
                <p id="outcome-error" className="error">
                  {fieldErrors.outcome}
                </p>
              )}
            </fieldset>
            <label htmlFor="resolve-note">Note (optional)</label>
            <textarea
              id="resolve-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby={fieldErrors.note ? "note-error" : undefined}
            />
            {fieldErrors.note && (
              <p id="note-error" className="error">
                {fieldErrors.note}
              </p>
            )}
            <button className="btn mobile-big" type="submit" disabled={pending}>
              {pending ? "Resolving…" : "Resolve"}
            </button>
          </form>
        </>
      )}
      {alert.status === "RESOLVED" && (
        <p className="mobile-done">
          Resolved{alert.outcome ? ` as ${outcomeLabel[alert.outcome].toLowerCase()}` : ""}.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p>
        <Link href="/m">← My open alerts</Link>
      </p>
    </section>
  );
}
