// Deletes expired sessions and API tokens, and sign-in throttles whose buckets have long leaked empty.
import type { Task } from "graphile-worker";
import { z } from "zod";

const payload = z.object({}).loose().optional();

export const purge_expired_sessions: Task = async (raw, helpers) => {
  payload.parse(raw);
  const sessions = await helpers.query("delete from sessions where expires_at < now()");
  const throttles = await helpers.query(
    "delete from login_throttles where leak_from < now() - interval '1 day' and coalesce(blocked_until, now()) <= now()",
  );
  helpers.logger.info(`purged ${sessions.rowCount ?? 0} sessions and ${throttles.rowCount ?? 0} sign-in throttles`);
};
