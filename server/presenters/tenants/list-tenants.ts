// Every tenant of the installation with its first admin and user count, for the super-admin.
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import type { TenantDto } from "../../contracts/admin";
import type { Page, PageQuery } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { assertSuperAdmin } from "../../auth/assert-super-admin";
import { afterCursor, toPage } from "../keyset-page";

export async function listTenants(db: Db, actor: Actor, { limit, cursor }: PageQuery): Promise<Page<TenantDto>> {
  assertSuperAdmin(actor);
  const firstAdmin = sql<string | null>`(
    select ${users.email} from ${users}
    where ${users.tenantId} = ${tenants.id} and ${users.role} = 'admin' and ${users.deletedAt} is null
    order by ${users.createdAt} limit 1)`;
  const rows = await db
    .select({ tenant: tenants, adminEmail: firstAdmin, users: count(users.id) })
    .from(tenants)
    .leftJoin(users, and(eq(users.tenantId, tenants.id), isNull(users.deletedAt)))
    .where(afterCursor(tenants.name, tenants.id, cursor))
    .groupBy(tenants.id)
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({
      id: r.tenant.id,
      name: r.tenant.name,
      adminEmail: r.adminEmail,
      users: r.users,
      createdAt: r.tenant.createdAt.toISOString(),
    }),
    (r) => [r.tenant.name, r.tenant.id],
  );
}
