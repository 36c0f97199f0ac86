// Every graphile-worker task, once: its name, the zod schema of its payload,
// its job key (the id a pending job is named after, so adding it again
// replaces it and it can be removed), its queue and attempts. Enqueuers in
// TypeScript (server/services/commands/enqueue-job.ts) and in SQL take names and
// keys from here, tasks parse their payload with it, and the worker's task
// list must have a handler for each (workers/task-list.ts; workers/jobs.test.ts
// checks the SQL). Here rather than in workers/ because services enqueue jobs
// and must not import the worker.
import { z } from "zod";

/** Cron runs get `{_cron: ...}`; a manual add_job may pass `{}`: neither is needed. */
const cronPayload = z.looseObject({}).optional();
const uuidOf = <K extends string>(key: K) => z.object({ [key]: z.uuid() } as { [P in K]: z.ZodUUID });

type JobDefinition = {
  payload: z.ZodType;
  /** `prefix + id` names one pending job: added again it is replaced, and it can be removed by key. */
  jobKey?: { prefix: string; id: string };
  /** graphile-worker's default (25) when unset. */
  maxAttempts?: number;
  /** A named queue runs its jobs one at a time; by default jobs run in parallel. */
  queue?: string;
  /** Lower runs first; enqueuers whose priority depends on the job (an alert's severity) pass their own. */
  priority?: number;
};

export const JOBS = {
  /** One escalation tier of an alert still NEW; the next tier is scheduled under the alert's key. */
  notify_alert: {
    payload: z.object({
      alertId: z.uuid(),
      round: z.number().int().min(0).default(0),
      tier: z.number().int().min(0).default(0),
    }),
    jobKey: { prefix: "escalate:", id: "alert id" },
    maxAttempts: 25,
  },
  /**
   * A tier's fallback channel: for every contact of the tier once `afterSeconds` passed with the alert still NEW,
   * or (with `contactId`) at once for a contact whose deliveries of the tier all failed.
   */
  fallback_notification: {
    payload: z.object({
      alertId: z.uuid(),
      round: z.number().int().min(0),
      tier: z.number().int().min(0),
      contactId: z.uuid().optional(),
    }),
    jobKey: { prefix: "fallback:", id: "alert id:round:tier[:contact id]" },
    maxAttempts: 25,
  },
  deliver_notification: {
    payload: uuidOf("deliveryId"),
    jobKey: { prefix: "delivery:", id: "delivery id" },
    maxAttempts: 12,
  },
  publish_device_command: { payload: uuidOf("commandId"), maxAttempts: 10 },
  /**
   * The tenant's OwnTracks phones get their guard's regions (setWaypoints) when a site assignment, a site's fences
   * or the phone's own topic changed; one pending run per tenant, and a phone whose regions are unchanged is skipped.
   */
  sync_owntracks_waypoints: {
    payload: uuidOf("tenantId"),
    jobKey: { prefix: "owntracks-waypoints:", id: "tenant id" },
    maxAttempts: 10,
  },
  /** One pending publication per device: a newer configuration replaces the one not yet published. */
  publish_device_config: {
    payload: uuidOf("configId"),
    jobKey: { prefix: "device-config:", id: "device id" },
    maxAttempts: 10,
  },
  /**
   * Training runs on its own queue, one at a time, below every notification, and once: a run that dies is marked
   * failed rather than retried.
   */
  train_false_alarm_model: {
    payload: uuidOf("runId"),
    jobKey: { prefix: "training:", id: "training run id" },
    maxAttempts: 1,
    queue: "ml",
    priority: 10,
  },
  /**
   * A password reset link, made and emailed by the worker: for a user an admin named, or for an email someone
   * typed on "Forgot password" (nothing is sent when it has no enabled account).
   */
  send_password_reset: {
    payload: z.union([z.object({ userId: z.uuid() }), z.object({ email: z.email() })]),
    maxAttempts: 5,
  },
  /** Scoring a new alert waits behind its notifications. */
  score_alert: { payload: uuidOf("alertId"), maxAttempts: 3, priority: 5 },
  // Cron tasks (workers/crontab.ts).
  check_liveness: { payload: cronPayload },
  advance_tour_runs: { payload: cronPayload },
  advance_check_ins: { payload: cronPayload },
  expire_device_commands: { payload: cronPayload },
  purge_expired_sessions: { payload: cronPayload },
  prune_ingest_dedupe: {
    payload: z.looseObject({ days: z.number().int().min(1).max(365).default(7) }).default({ days: 7 }),
  },
  create_day_partitions: {
    payload: z.looseObject({ daysAhead: z.number().int().min(1).max(60).default(7) }).default({ daysAhead: 7 }),
  },
  drop_expired_partitions: { payload: cronPayload },
  retrain_false_alarm_models: { payload: cronPayload },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** What an enqueuer passes (defaults may be left out). */
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
/** What the task gets after parsing. */
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;

type KeyedJob = { [N in JobName]: (typeof JOBS)[N] extends { jobKey: object } ? N : never }[JobName];

/** The job key of a keyed job for the id it is named after (escalate:<alert id>, ...). */
export function jobKey(name: KeyedJob, id: string): string {
  return JOBS[name].jobKey.prefix + id;
}

/** A task's payload, checked: tasks get `unknown` from the queue. */
export function parseJobPayload<N extends JobName>(name: N, raw: unknown): JobPayload<N> {
  return JOBS[name].payload.parse(raw) as JobPayload<N>;
}

/** What SQL enqueuers interpolate: the task name and its settings, from the list. */
export function jobSql<N extends JobName>(name: N) {
  const job: JobDefinition = JOBS[name];
  return {
    name,
    keyPrefix: job.jobKey?.prefix ?? null,
    maxAttempts: job.maxAttempts ?? 25,
    queue: job.queue ?? null,
    priority: job.priority ?? 0,
  };
}
