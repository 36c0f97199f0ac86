// The signed-in user's own account, for the Account page and GET /api/v1/account.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import type { AccountDto } from "../../contracts/account";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../observability/app-error";

export async function getAccount(db: Db, actor: Actor): Promise<AccountDto> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
      totpRequired: tenants.requireTotp,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError("not_found", "No such account.");
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, totpEnabled: totpEnabledAt !== null };
}
