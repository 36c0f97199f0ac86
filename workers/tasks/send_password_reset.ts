// Makes a password reset link and emails it through Resend behind the email
// circuit breaker (server/services/accounts/issue-password-reset.ts). An
// email without an enabled account sends nothing, and the log does not say
// which emails were unknown. A failed send throws and is retried by
// graphile-worker; each attempt makes a fresh link (replacing the unsent one),
// and the link's id is Resend's Idempotency-Key.
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { passwordResetEmail } from "../../server/notifications/password-reset-message";
import { metrics } from "../../server/observability/metrics";
import { issuePasswordReset } from "../../server/services/accounts/issue-password-reset";
import type { TaskDeps } from "../task-deps";

export function send_password_reset({
  sql,
  channels,
  notifications,
}: Pick<TaskDeps, "sql" | "channels" | "notifications">): Task {
  return async (raw, helpers) => {
    const who = parseJobPayload("send_password_reset", raw);
    const { channel, breaker } = channels.email;
    if (channel.unavailable) {
      helpers.logger.warn(`password reset not sent: ${channel.unavailable}`);
      return;
    }
    const reset = await issuePasswordReset(sql, who);
    if (!reset) return;
    const link = `${notifications.publicUrl}/reset-password?token=${reset.token}`;
    const email = passwordResetEmail(link);
    const timer = metrics.providerLatency.startTimer({ channel: "email" });
    await breaker.run(() =>
      channel.send({ to: reset.email, ...email, idempotencyKey: `password-reset:${reset.tokenId}` }),
    );
    timer();
    helpers.logger.info(`password reset link ${reset.tokenId} sent`);
  };
}
