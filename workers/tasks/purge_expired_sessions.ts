// Deletes expired sessions and API tokens, and sign-in throttles quiet for a day (they reset after an hour anyway).
import type { Task } from "graphile-worker";
import { z } from "zod";

const payload = z.object({}).loose().optional();

export const purge_expired_sessions: Task = async (raw, helpers) => {
  payload.parse(raw);
  const sessions = await helpers.query("delete from sessions where expires_at < now()");
  const throttles = await helpers.query("delete from login_throttles where last_attempt_at < now() - interval '1 day'");
  helpers.logger.info(`purged ${sessions.rowCount ?? 0} sessions and ${throttles.rowCount ?? 0} sign-in throttles`);
};
