// The guard's site and current tour run with its next checkpoint, as the
// guard app shows them (GET /api/v1/device/me).
import type { GuardAppViewDto } from "@/server/contracts/guard-app";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export function GuardViewCard({ view }: { view: GuardAppViewDto }) {
  const { guard, sites, run } = view;
  return (
    <section className="g-card" aria-label="Your shift">
      <h1>{guard.name}</h1>
      <p className="muted">
        {sites.length > 0 ? `Site: ${sites.map((s) => s.name).join(", ")}` : "Not assigned to a site."}
      </p>
      {run ? (
        <div className="g-run" aria-label="Current tour">
          <p>
            <strong>{run.tourName}</strong> · {run.siteName} · until {time(run.closesAt)}
          </p>
          <progress max={run.total} value={run.visited} aria-label="Checkpoints visited" />
          <p>
            {run.visited} of {run.total} checkpoints
          </p>
          <p className="g-next">
            {run.nextCheckpoint ? `Next checkpoint: ${run.nextCheckpoint}` : "All checkpoints visited."}
          </p>
        </div>
      ) : (
        <p className="muted">No tour due now.</p>
      )}
    </section>
  );
}
