// Tenants and users made directly in the database (the API has no tenant
// sign-up): rows with a real password hash, so they can log in over HTTP.
import { randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import type { UserRole } from "../../server/contracts/api";
import { hashPassword } from "../../server/services/auth/password";

export type TestUser = { tenantId: string; email: string; password: string };

export async function createUser(
  sql: Sql,
  { tenantId, role = "admin" }: { tenantId: string; role?: UserRole },
): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString("hex")}@tenant.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  await sql`
    insert into users (tenant_id, email, name, password_hash, role)
    values (${tenantId}, ${email}, ${`Test ${role}`}, ${await hashPassword(password)}, ${role})`;
  return { tenantId, email, password };
}

/** A second tenant with its own admin. */
export async function createTenant(sql: Sql, { name = "Other tenant" }: { name?: string } = {}): Promise<TestUser> {
  const [tenant] = await sql<{ id: string }[]>`insert into tenants (name) values (${name}) returning id`;
  return createUser(sql, { tenantId: tenant!.id, role: "admin" });
}

export async function tenantOf(sql: Sql, email: string): Promise<string> {
  const [row] = await sql<{ tenantId: string }[]>`select tenant_id as "tenantId" from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.tenantId;
}
