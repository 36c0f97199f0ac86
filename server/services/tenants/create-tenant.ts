// A new tenant and its first admin, created together by the super-admin. The
// entry goes to the super-admin's own tenant's audit log (theirs is the act).
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import type { CreateTenantInput, TenantDto } from "../../contracts/admin";
import type { Actor } from "../../auth/actor";
import { hashPassword } from "../../auth/password";
import { conflictOnDuplicate } from "../unique-violation";
import { assertSuperAdmin } from "../../auth/assert-super-admin";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function createTenant(db: Db, actor: Actor, input: CreateTenantInput): Promise<TenantDto> {
  assertSuperAdmin(actor);
  const passwordHash = await hashPassword(input.adminPassword);
  const adminEmail = input.adminEmail.trim().toLowerCase();
  return conflictOnDuplicate("adminEmail", "That email is already in use.", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(tenants).values({ name: input.name }).returning();
      await tx
        .insert(users)
        .values({ tenantId: row!.id, email: adminEmail, name: "Administrator", passwordHash, role: "admin" });
      const tenant = { id: row!.id, name: row!.name, adminEmail, users: 1, createdAt: row!.createdAt.toISOString() };
      await recordAuditEvent(tx, actor, { action: "create", entityType: "tenant", entityId: tenant.id, after: tenant });
      return tenant;
    }),
  );
}
