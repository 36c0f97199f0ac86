// Gauges read from the database: the job queue (graphile-worker's tables) and
// the open alerts. A scrape must not wait on PostgreSQL (/metrics answers in
// under 5 ms at p99), so they are sampled every few seconds into gauges that
// /metrics only reads. Every process serving /metrics samples them, so several
// web processes export the same figures: dashboards and rules take their max.
import type { Sql } from "../../db/client";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

const SAMPLE_EVERY_MS = 10_000;

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

/**
 * The alert types Vigil raises itself or documents for devices; alarm topics
 * (alert/{type}/{id}) may carry any type, which would make the label unbounded.
 */
const KNOWN_ALERT_TYPES = new Set([
  "panic",
  "man-down",
  "fire",
  "smoke",
  "intrusion",
  "activity",
  "low-battery",
  "offline",
  "geofence-violation",
  "system-down",
  "duress",
  "check-in-missed",
]);

type JobRow = { task: string; pending: number; oldestPending: number; locked: number; longestLocked: number };
type OpenAlertRow = { type: string; severity: string; status: string; open: number };
type UnacknowledgedRow = { severity: string; age: number };

async function sampleJobs(sql: Sql, metrics: Metrics): Promise<void> {
  // Due, unlocked and with attempts left is what graphile-worker would pick up next.
  const rows = await sql<JobRow[]>`
    with jobs as (
      select j.task_id, j.run_at, j.locked_at,
             (j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts) as due
      from graphile_worker._private_jobs j)
    select t.identifier as task,
           count(j.task_id) filter (where j.due)::int as pending,
           coalesce(extract(epoch from now() - min(j.run_at) filter (where j.due)), 0)::float8 as "oldestPending",
           count(j.locked_at)::int as locked,
           coalesce(extract(epoch from now() - min(j.locked_at)), 0)::float8 as "longestLocked"
    from graphile_worker._private_tasks t left join jobs j on j.task_id = t.id
    group by t.identifier`;
  for (const gauge of [metrics.jobsPending, metrics.jobsOldestPending, metrics.jobsLocked, metrics.jobsLockedLongest]) {
    gauge.reset();
  }
  for (const row of rows) {
    metrics.jobsPending.set({ task: row.task }, row.pending);
    metrics.jobsOldestPending.set({ task: row.task }, Math.max(0, row.oldestPending));
    metrics.jobsLocked.set({ task: row.task }, row.locked);
    metrics.jobsLockedLongest.set({ task: row.task }, Math.max(0, row.longestLocked));
  }
}

async function sampleAlerts(sql: Sql, metrics: Metrics): Promise<void> {
  // Both filters match the partial unique index on open alerts, so resolved history is never scanned.
  const [open, unacknowledged] = await Promise.all([
    sql<OpenAlertRow[]>`
      select type, severity, status, count(*)::int as open from alerts
      where status <> 'RESOLVED' group by type, severity, status`,
    sql<UnacknowledgedRow[]>`
      select severity, extract(epoch from now() - min(created_at))::float8 as age from alerts
      where status <> 'RESOLVED' and status = 'NEW' group by severity`,
  ]);
  metrics.alertsOpen.reset();
  for (const row of open) {
    const type = KNOWN_ALERT_TYPES.has(row.type) ? row.type : "other";
    metrics.alertsOpen.inc({ type, severity: row.severity, status: row.status }, row.open);
  }
  const ages = new Map(unacknowledged.map((row) => [row.severity, row.age]));
  for (const severity of SEVERITIES) {
    metrics.alertsOldestUnacknowledged.set({ severity }, Math.max(0, ages.get(severity) ?? 0));
  }
}

/** One sample of every database gauge. */
export async function sampleDbGauges(sql: Sql, metrics: Metrics): Promise<void> {
  await Promise.all([sampleJobs(sql, metrics), sampleAlerts(sql, metrics)]);
}

/** Resolves after the first sample, so the first scrape already has the gauges. */
export async function startDbGaugeSampler({
  sql,
  metrics,
  logger,
  everyMs = SAMPLE_EVERY_MS,
}: {
  sql: Sql;
  metrics: Metrics;
  logger: Logger;
  everyMs?: number;
}): Promise<{ stop: () => Promise<void> }> {
  let failing = false;
  let running: Promise<void> | null = null;
  const sample = () => {
    if (running) return; // a slow database: skip a turn rather than pile up queries
    running = sampleDbGauges(sql, metrics)
      .then(
        () => {
          if (failing) logger.info("database gauges sampled again");
          failing = false;
        },
        (error: unknown) => {
          // Once per outage: the database check of /readyz already reports it.
          if (!failing) logger.warn({ err: error }, "database gauges not sampled; they keep their last values");
          failing = true;
        },
      )
      .finally(() => (running = null));
  };
  sample();
  await running;
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      // A sample in flight ends before the pool does; bounded, for a database that stopped answering.
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
