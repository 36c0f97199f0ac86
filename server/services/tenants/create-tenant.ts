// A new tenant and its first admin, created together by the super-admin.
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import type { CreateTenantInput, TenantDto } from "../../contracts/admin";
import type { Actor } from "../../auth/actor";
import { hashPassword } from "../../auth/password";
import { conflictOnDuplicate } from "../unique-violation";
import { assertSuperAdmin } from "../../auth/assert-super-admin";

export async function createTenant(db: Db, actor: Actor, input: CreateTenantInput): Promise<TenantDto> {
  assertSuperAdmin(actor);
  const passwordHash = await hashPassword(input.adminPassword);
  const adminEmail = input.adminEmail.trim().toLowerCase();
  const tenant = await conflictOnDuplicate("adminEmail", "That email is already in use.", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(tenants).values({ name: input.name }).returning();
      await tx
        .insert(users)
        .values({ tenantId: row!.id, email: adminEmail, name: "Administrator", passwordHash, role: "admin" });
      return row!;
    }),
  );
  return { id: tenant.id, name: tenant.name, adminEmail, users: 1, createdAt: tenant.createdAt.toISOString() };
}
