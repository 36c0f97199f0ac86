// "Forgot password": the request does the same work whether or not the email
// has an account (a throttle check and a queued job, no lookup, no hash), so
// neither its answer nor its time says which; the worker looks the email up
// and, for an enabled user, makes the link and sends it
// (workers/tasks/send_password_reset.ts). Throttled per address and per email
// so nobody can fill an inbox.
import type { Db } from "../../../db/client";
import { PASSWORD_RESET_REQUESTED } from "../../contracts/account";
import { claimResetRequest } from "../../auth/account-throttles";
import { enqueueJob } from "../commands/enqueue-job";

export async function requestPasswordReset(
  db: Db,
  { email, ip }: { email: string; ip: string },
): Promise<{ message: string }> {
  const normalized = email.trim().toLowerCase();
  await claimResetRequest(db, normalized, ip);
  await enqueueJob(db, "send_password_reset", { email: normalized });
  return { message: PASSWORD_RESET_REQUESTED };
}
