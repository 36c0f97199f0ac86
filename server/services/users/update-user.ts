// An admin changes a user of their own tenant: role, name, disabled, or the
// sites an operator or supervisor is limited to (user-site-ids.ts; their live
// sockets move to the new sites' rooms within seconds, session-sweep.ts).
// Disabling ends the user's sessions at once (their API calls fail from the
// next request; the socket sweep closes their live connections within seconds).
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sessions, users } from "../../../db/schema";
import type { UpdateUserInput, UserDto } from "../../contracts/admin";
import { AppError } from "../../observability/app-error";
import { toUserDto } from "../../presenters/users/list-users";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { userSiteIds } from "./user-site-ids";

function refuse(path: string, message: string): never {
  throw new AppError("forbidden", message, { issues: [{ path, message }] });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserInput): Promise<UserDto> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id), isNull(users.deletedAt)))
      .for("update");
    if (!user) throw new AppError("not_found", `No user ${id}.`);
    // An admin who demotes or disables themself could leave the tenant with no admin at all.
    if (user.id === actor.userId && input.role !== undefined && input.role !== "admin") {
      refuse("role", "You cannot change your own role.");
    }
    if (user.id === actor.userId && input.disabled === true) refuse("disabled", "You cannot disable yourself.");
    if (user.isSuperAdmin && !actor.isSuperAdmin && (input.role !== undefined || input.disabled !== undefined)) {
      refuse("role", "Only the super-admin changes the super-admin's role or access.");
    }

    const disabledAt = input.disabled === undefined ? user.disabledAt : input.disabled ? new Date() : null;
    const role = input.role ?? user.role;
    const siteIds = await userSiteIds(tx, actor.tenantId, { role, asked: input.siteIds, current: user.siteIds });
    const [updated] = await tx
      .update(users)
      .set({ role, name: input.name ?? user.name, disabledAt, siteIds })
      .where(eq(users.id, user.id))
      .returning();
    if (input.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const after = toUserDto(updated!);
    await recordAuditEvent(tx, actor, {
      action: "update",
      entityType: "user",
      entityId: user.id,
      before: toUserDto(user),
      after,
    });
    return after;
  });
}
