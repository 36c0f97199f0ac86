"use client";
// The violations in the replayed range: when each started and ended, which
// fence, how far outside, the accuracy, and what confirmed it. Choosing one
// moves the replay there. When the violations could not be loaded, the runs
// of fixes flagged outside a fence are listed instead.
import Link from "next/link";
import type { ViolationDto } from "@/server/contracts/sites";
import type { OutsideRun } from "./replay";

/** GET /api/v1/guards/:externalId/violations, with the fence's name. */
export type ViolationView = ViolationDto & { fenceName: string };

type Props = {
  violations: ViolationView[] | null;
  runs: OutsideRun[];
  formatTime: (iso: string) => string;
  onSeek: (iso: string) => void;
};

export function ViolationList({ violations, runs, formatTime, onSeek }: Props) {
  if (violations && violations.length > 0)
    return (
      <ol className="violation-list" aria-label="Violations">
        {violations.map((v) => (
          <li key={v.id}>
            <button type="button" className="violation" onClick={() => onSeek(v.startedAt)}>
              <span className="violation-head">
                <span className="badge" data-tone="danger">
                  {v.endedAt ? "Violation" : "Open violation"}
                </span>{" "}
                {v.fenceName}
              </span>
              <span className="muted">
                {formatTime(v.startedAt)} – {v.endedAt ? formatTime(v.endedAt) : "still outside"}
              </span>
              <span className="muted">
                {Math.round(v.metresOutside)} m outside, ±{Math.round(v.accuracyM)} m; confirmed by {v.confirmedFixes}{" "}
                fixes over {v.confirmedSeconds} s
              </span>
            </button>
            {v.alertId && (
              <Link className="violation-alert small" href={`/alerts/${v.alertId}`}>
                Open the alert
              </Link>
            )}
          </li>
        ))}
      </ol>
    );
  if (runs.length > 0)
    return (
      <ol className="violation-list" aria-label="Fixes outside a fence">
        {runs.map((run) => (
          <li key={run.first}>
            <button type="button" className="violation" onClick={() => onSeek(run.from)}>
              <span className="violation-head">
                <span className="badge" data-tone="danger">
                  Outside
                </span>{" "}
                {run.fixes} {run.fixes === 1 ? "fix" : "fixes"}
              </span>
              <span className="muted">
                {formatTime(run.from)} – {formatTime(run.to)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    );
  return <p className="muted">No violations in this range.</p>;
}
