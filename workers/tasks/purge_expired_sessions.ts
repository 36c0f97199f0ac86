// Deletes expired sessions and API tokens, password reset links a day past their expiry (used or not), and
// sign-in throttles whose buckets have long leaked empty.
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";

export const purge_expired_sessions: Task = async (raw, helpers) => {
  parseJobPayload("purge_expired_sessions", raw);
  const sessions = await helpers.query("delete from sessions where expires_at < now()");
  const links = await helpers.query("delete from password_reset_tokens where expires_at < now() - interval '1 day'");
  const throttles = await helpers.query(
    "delete from login_throttles where leak_from < now() - interval '1 day' and coalesce(blocked_until, now()) <= now()",
  );
  helpers.logger.info(
    `purged ${sessions.rowCount ?? 0} sessions, ${links.rowCount ?? 0} reset links and ${throttles.rowCount ?? 0} sign-in throttles`,
  );
};
