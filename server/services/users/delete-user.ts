// An admin removes a user of their tenant. The row stays (deleted_at,
// deleted_by; disabled too, so every session check refuses it) because alert
// events, notes and model promotions name the user; their sessions and push
// subscriptions go at once and their email is free for a new user. Nobody
// removes themself (409). A tenant keeps at least one active admin (409): the
// caller is one, so through the API this is the rule above, but the count is
// checked under a lock of the tenant's admin rows all the same, so no path
// (two admins removing each other at once, a later caller) can leave none.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { pushSubscriptions, sessions, users } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { toUserDto } from "../../presenters/users/list-users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordDeletion } from "../record-deletion";

function conflict(message: string): never {
  throw new AppError("conflict", message, { issues: [{ path: "id", message }] });
}

export async function deleteUser(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.role, "admin"), isNull(users.deletedAt)))
      .for("update");
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id), isNull(users.deletedAt)))
      .for("update");
    if (!user) throw new AppError("not_found", `No user ${id}.`);
    if (user.id === actor.userId) conflict("You cannot remove yourself; another admin can.");
    if (user.isSuperAdmin && !actor.isSuperAdmin) {
      throw new AppError("forbidden", "Only the super-admin removes the super-admin.");
    }
    const otherActiveAdmins = admins.filter((a) => a.id !== user.id && a.disabledAt === null);
    if (user.role === "admin" && user.disabledAt === null && otherActiveAdmins.length === 0) {
      conflict("This is the tenant's last active admin: make another user admin first.");
    }

    const now = new Date();
    await tx
      .update(users)
      .set({ deletedAt: now, deletedBy: actor.userId, disabledAt: user.disabledAt ?? now })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));
    await recordAuditEvent(tx, actor, {
      action: "delete",
      entityType: "user",
      entityId: user.id,
      before: toUserDto(user),
    });
    await recordDeletion(tx, actor, {
      kind: "user",
      entityId: user.id,
      label: user.email,
      before: { email: user.email, name: user.name, role: user.role, disabled: user.disabledAt !== null },
    });
  });
}
