// Readiness checks that carry figures for `npm run health`: notification
// providers, free disk in the data folder, the job queue and the age of the
// last device message. Only a nearly full disk fails readiness; the rest is
// information the health command grades; a database error there is reported
// in the detail only (the database check already fails readiness for it).
import { statfs } from "node:fs/promises";
import type { Sql } from "../../db/client";
import type { Env } from "../env";
import type { ReadinessCheck } from "./readiness-check";

const MIN_FREE_BYTES = 100 * 1024 * 1024;

/** Figures from the database: an error is shown in the detail, never fails readiness twice. */
function informational(read: () => Promise<Record<string, unknown>>): ReadinessCheck {
  return async () => {
    try {
      return { problem: null, detail: await read() };
    } catch (error) {
      return { problem: null, detail: { unavailable: (error as Error).message } };
    }
  };
}

export function opsChecks(sql: Sql, env: Env, dataDir: string): Record<string, ReadinessCheck> {
  return {
    notifications: async () => ({
      problem: null,
      detail: {
        sms: Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_PHONE_NUMBER),
        email: Boolean(env.RESEND_API_KEY && env.EMAIL_FROM),
      },
    }),
    disk: async () => {
      const stats = await statfs(dataDir);
      const freeBytes = stats.bavail * stats.bsize;
      const totalBytes = stats.blocks * stats.bsize;
      return {
        problem: freeBytes < MIN_FREE_BYTES ? `only ${Math.round(freeBytes / 1048576)} MB free in ${dataDir}` : null,
        detail: { freeBytes, totalBytes },
      };
    },
    queue: informational(async () => {
      const [row] = await sql<{ total: number; due: number; oldestDueSeconds: number | null }[]>`
        select count(*)::int as total,
               count(*) filter (where run_at <= now() and locked_at is null and attempts < max_attempts)::int as due,
               extract(epoch from now() - min(run_at) filter (
                 where run_at <= now() and locked_at is null and attempts < max_attempts))::float8 as "oldestDueSeconds"
        from graphile_worker._private_jobs`;
      return { ...row };
    }),
    messages: informational(async () => {
      // last_seen_at is written at most every 10 s per device: precise enough for an age.
      const [row] = await sql<{ lastSeenAt: Date | null }[]>`
        select max(last_seen_at) as "lastSeenAt" from devices where revoked_at is null`;
      const last = row?.lastSeenAt ?? null;
      return {
        lastMessageAt: last ? last.toISOString() : null,
        ageSeconds: last ? Math.max(0, Math.round((Date.now() - last.getTime()) / 1000)) : null,
      };
    }),
  };
}
