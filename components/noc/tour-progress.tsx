"use client";
// Each open tour run as a progress bar beside the map: checkpoints visited of
// total and the time left in its window, live from `tour-runs:changed`.
import { useEffect, useState } from "react";
import type { TourRunDto } from "@/server/contracts/patrols";
import { timeLeft, visitedCount } from "./active-runs";

const TICK_MS = 15_000;

function RunProgress({ run, now }: { run: TourRunDto; now: number }) {
  const visited = visitedCount(run);
  const total = run.checkpoints.length;
  const next = run.checkpoints.find((c) => c.visitedAt === null);
  const left = timeLeft(run.closesAt, now);
  return (
    <li className="tour-run" data-testid="tour-run" data-run-id={run.id}>
      <div className="tour-run-head">
        <strong>{run.tourName}</strong>
        <span className="muted">{run.siteName}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={`${run.tourName}: checkpoints visited`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={visited}
      >
        <div className="progress-fill" style={{ width: `${total === 0 ? 0 : (visited / total) * 100}%` }} />
      </div>
      <div className="tour-run-figures">
        <span data-testid="tour-run-count">
          {visited} of {total}
        </span>
        <span className={left === "overdue" ? "tour-run-overdue" : "muted"}>{left}</span>
      </div>
      <div className="muted tour-run-who">
        {run.guardName ?? run.guardExternalId ?? "any guard on site"}
        {next ? ` · next: ${next.name}` : ""}
      </div>
    </li>
  );
}

export function TourProgress({ runs }: { runs: TourRunDto[] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (runs.length === 0) return null;
  return (
    <section className="tour-progress" aria-labelledby="tour-progress-heading">
      <h2 id="tour-progress-heading">Patrols ({runs.length})</h2>
      <ul className="tour-run-list" aria-label="Open tour runs">
        {runs.map((run) => (
          <RunProgress key={run.id} run={run} now={now} />
        ))}
      </ul>
    </section>
  );
}
