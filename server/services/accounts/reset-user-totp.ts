// An admin turns a user's second factor off (a lost or replaced phone): the
// secret is gone, the user's sessions end, and at the next sign-in they set it
// up again if the tenant requires it.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessions } from "./end-sessions";
import { lockTenantUser } from "./lock-tenant-user";

export async function resetUserTotp(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockTenantUser(tx, actor, id, "id");
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await endSessions(tx, user.id, { keepResetLinks: true });
    await recordAuditEvent(tx, actor, {
      action: "reset_totp",
      entityType: "user",
      entityId: user.id,
      before: { totpEnabled: user.totpEnabledAt !== null },
      after: { totpEnabled: false, sessionsEnded: true },
    });
  });
}
