// An admin sends a user a reset link: the user's sessions end now (the admin
// may suspect someone else has them), and the worker makes the link and emails
// it (workers/tasks/send_password_reset.ts), in the same transaction.
import type { Db } from "../../../db/client";
import { PASSWORD_RESET_REQUESTED } from "../../contracts/account";
import type { Actor } from "../../auth/actor";
import { enqueueJob } from "../commands/enqueue-job";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessions } from "./end-sessions";
import { lockTenantUser } from "./lock-tenant-user";

export async function sendUserPasswordReset(db: Db, actor: Actor, id: string): Promise<{ message: string }> {
  await db.transaction(async (tx) => {
    const user = await lockTenantUser(tx, actor, id, "id");
    await endSessions(tx, user.id);
    await enqueueJob(tx, "send_password_reset", { userId: user.id });
    await recordAuditEvent(tx, actor, {
      action: "send_password_reset",
      entityType: "user",
      entityId: user.id,
      after: { resetLinkSentTo: user.email, sessionsEnded: true },
    });
  });
  return { message: PASSWORD_RESET_REQUESTED };
}
