// An admin sets a user's password (they forgot it and have no email, or the
// account was shared): the user's sessions and reset links end.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { hashPassword } from "../../auth/password";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessions } from "./end-sessions";
import { lockTenantUser } from "./lock-tenant-user";

export async function setUserPassword(db: Db, actor: Actor, id: string, { password }: { password: string }) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await lockTenantUser(tx, actor, id, "password");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await endSessions(tx, user.id);
    await recordAuditEvent(tx, actor, {
      action: "set_password",
      entityType: "user",
      entityId: user.id,
      after: { changed: ["password"], sessionsEnded: true },
    });
  });
}
