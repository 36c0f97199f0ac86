// First start: with no users at all, create a tenant and its admin. Without
// ADMIN_PASSWORD a password is generated and returned, to be printed once.
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import { hashPassword } from "../auth/password";

export async function bootstrapTenant(
  db: Db,
  { adminEmail, adminPassword }: { adminEmail: string; adminPassword?: string },
): Promise<{ created: false } | { created: true; email: string; generatedPassword: string | null }> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return { created: false };
  const password = adminPassword ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: "Default" }).returning({ id: tenants.id });
    await tx
      .insert(users)
      .values({ tenantId: tenant!.id, email: adminEmail, name: "Administrator", passwordHash, role: "admin" });
  });
  return { created: true, email: adminEmail, generatedPassword: adminPassword ? null : password };
}
