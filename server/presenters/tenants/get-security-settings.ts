// The tenant's sign-in rules, for the Users page.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants } from "../../../db/schema";
import type { SecuritySettingsDto } from "../../contracts/account";
import type { Actor } from "../../auth/actor";

export async function getSecuritySettings(db: Db, actor: Actor): Promise<SecuritySettingsDto> {
  const [row] = await db
    .select({ requireTotp: tenants.requireTotp })
    .from(tenants)
    .where(eq(tenants.id, actor.tenantId));
  return { requireTotp: row?.requireTotp ?? false };
}
