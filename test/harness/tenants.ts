// Tenants and users made directly in the database (the API has no tenant
// sign-up): rows with a real password hash, so they can log in over HTTP.
import { randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import type { UserRole } from "../../server/contracts/api";
import { hashPassword } from "../../server/auth/password";

export type TestUser = { tenantId: string; email: string; password: string };

// One password per test process, hashed once: a hash at N=2^17 costs about a second on a busy machine, and files
// make dozens of users. Emails stay unique, so a user still signs in only with its own email.
const PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
let passwordHash: Promise<string> | undefined;

export async function createUser(
  sql: Sql,
  { tenantId, role = "admin" }: { tenantId: string; role?: UserRole },
): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString("hex")}@tenant.test`;
  passwordHash ??= hashPassword(PASSWORD);
  await sql`
    insert into users (tenant_id, email, name, password_hash, role)
    values (${tenantId}, ${email}, ${`Test ${role}`}, ${await passwordHash}, ${role})`;
  return { tenantId, email, password: PASSWORD };
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
