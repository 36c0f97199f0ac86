// First start: with no users at all, create a tenant and its admin. Without
// ADMIN_PASSWORD a password is generated and returned, to be printed once.
// Replicas started together race here: one of them creates the admin, the
// others find it (an advisory lock serializes the check and the insert).
import { randomBytes } from "node:crypto";
import { count, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import { hashPassword } from "../../auth/password";

const hasUsers = async (db: Pick<Db, "select">) => ((await db.select({ n: count() }).from(users))[0]?.n ?? 0) > 0;

export async function bootstrapTenant(
  db: Db,
  { adminEmail, adminPassword }: { adminEmail: string; adminPassword?: string },
): Promise<{ created: false } | { created: true; email: string; generatedPassword: string | null }> {
  if (await hasUsers(db)) return { created: false };
  const password = adminPassword ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil:bootstrap-tenant'))`);
    if (await hasUsers(tx)) return false;
    const [tenant] = await tx.insert(tenants).values({ name: "Default" }).returning({ id: tenants.id });
    await tx.insert(users).values({
      tenantId: tenant!.id,
      email: adminEmail,
      name: "Administrator",
      passwordHash,
      role: "admin",
      isSuperAdmin: true,
    });
    return true;
  });
  if (!created) return { created: false };
  return { created: true, email: adminEmail, generatedPassword: adminPassword ? null : password };
}
