// The user an admin acts on, locked for the change: in the admin's tenant
// (404 otherwise, as for any other tenant's row), never the admin themself
// (their own account has its own page, which asks for the current password),
// and the super-admin only by the super-admin.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../observability/app-error";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function lockTenantUser(tx: Tx, actor: Actor, id: string, field: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, id)))
    .for("update");
  if (!user) throw new AppError("not_found", `No user ${id}.`);
  const refuse = (message: string): never => {
    throw new AppError("forbidden", message, { issues: [{ path: field, message }] });
  };
  if (user.id === actor.userId) refuse("Change your own account on your Account page (/account).");
  if (user.isSuperAdmin && !actor.isSuperAdmin) refuse("Only the super-admin changes the super-admin's account.");
  return user;
}
