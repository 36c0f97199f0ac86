// The admin API over real HTTP: tenants for the super-admin, users and roles
// for a tenant's admins (roles x actions, tenant isolation, no self-demotion,
// a disabled user cut off at once), and cursor pagination of the lists.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TenantDto, UserDto } from "@/server/contracts/admin";
import type { UserRole } from "@/server/contracts/api";
import type { ContactDto } from "@/server/contracts/notifications";
import type { Page } from "@/server/contracts/pagination";
import { api, logIn, uniqueId, type ApiError } from "@/test/harness/api-client";
import { connectSocket } from "@/test/harness/live-socket";
import { createTenant, createUser, tenantOf, type TestUser } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

const issuePaths = (body: unknown) => (body as ApiError).error.issues?.map((i) => i.path) ?? [];
const email = (prefix: string) => `${uniqueId(prefix)}@tenant.test`;

async function userOf(role: UserRole, tenantId?: string): Promise<{ user: TestUser; token: string }> {
  const user = await createUser(vigil.sql, { tenantId: tenantId ?? (await tenantOf(vigil.sql, ADMIN_EMAIL)), role });
  return { user, token: await logIn(vigil.url, user) };
}

/** Follows nextCursor to the end, checking each page holds at most `limit` rows. */
async function walk<T extends { id: string }>(route: string, token: string, limit: number): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
    const response = await api<Page<T>>(vigil.url, `${route}?${query}`, { token });
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    all.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return all;
}

describe("tenants (super-admin)", () => {
  test("the super-admin creates a tenant whose admin signs in and sees only their own tenant", async () => {
    const adminEmail = email("acme-admin");
    const created = await api<TenantDto>(vigil.url, "/api/v1/tenants", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Acme Security", adminEmail, adminPassword: "acme-password" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Acme Security", adminEmail, users: 1 });

    const listed = await walk<TenantDto>("/api/v1/tenants", vigil.adminToken, 1);
    expect(listed.map((t) => t.id)).toContain(created.body.id);
    expect(new Set(listed.map((t) => t.id)).size).toBe(listed.length);

    const acmeToken = await logIn(vigil.url, { email: adminEmail, password: "acme-password" });
    const users = await api<Page<UserDto>>(vigil.url, "/api/v1/users", { token: acmeToken });
    expect(users.body.items.map((u) => u.email)).toEqual([adminEmail]);
    expect(users.body.items[0]?.role).toBe("admin");
    // The new tenant's admin is no super-admin.
    expect((await api(vigil.url, "/api/v1/tenants", { token: acmeToken })).status).toBe(403);
  });

  test("a taken email is a 409 on adminEmail and creates no tenant", async () => {
    const before = await walk<TenantDto>("/api/v1/tenants", vigil.adminToken, 200);
    const response = await api(vigil.url, "/api/v1/tenants", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Twin", adminEmail: ADMIN_EMAIL.toUpperCase(), adminPassword: "long-enough" },
    });
    expect(response.status).toBe(409);
    expect(issuePaths(response.body)).toEqual(["adminEmail"]);
    expect(await walk<TenantDto>("/api/v1/tenants", vigil.adminToken, 200)).toHaveLength(before.length);
  });

  test("a short password or a bad email is a 422 naming the field", async () => {
    const response = await api(vigil.url, "/api/v1/tenants", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Short", adminEmail: "not-an-email", adminPassword: "short" },
    });
    expect(response.status).toBe(422);
    expect(issuePaths(response.body).sort()).toEqual(["adminEmail", "adminPassword"]);
  });

  test.each(["admin", "manager", "operator", "supervisor"] as const)(
    "the %s role without super-admin gets 403 on listing and creating tenants",
    async (role) => {
      const { token } = await userOf(role);
      expect((await api(vigil.url, "/api/v1/tenants", { token })).status).toBe(403);
      const post = await api(vigil.url, "/api/v1/tenants", {
        method: "POST",
        token,
        body: { name: "Mine", adminEmail: email("mine"), adminPassword: "long-enough" },
      });
      expect(post.status).toBe(403);
    },
  );
});

describe("users and roles", () => {
  test.each(["manager", "operator", "supervisor"] as const)(
    "the %s role gets 403 on listing, adding and changing users",
    async (role) => {
      const { token } = await userOf(role);
      const victim = await userOf("operator");
      const [victimRow] = await vigil.sql<{ id: string }[]>`select id from users where email = ${victim.user.email}`;
      expect((await api(vigil.url, "/api/v1/users", { token })).status).toBe(403);
      const post = await api(vigil.url, "/api/v1/users", {
        method: "POST",
        token,
        body: { email: email("x"), name: "X", role: "admin", password: "long-enough" },
      });
      expect(post.status).toBe(403);
      const patch = await api(vigil.url, `/api/v1/users/${victimRow!.id}`, {
        method: "PATCH",
        token,
        body: { role: "admin" },
      });
      expect(patch.status).toBe(403);
    },
  );

  test("an admin adds a user who signs in with that role; the email is then taken", async () => {
    const newEmail = email("new-op");
    const created = await api<UserDto>(vigil.url, "/api/v1/users", {
      method: "POST",
      token: vigil.adminToken,
      body: { email: newEmail, name: "New Operator", role: "operator", password: "operator-password" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: newEmail, name: "New Operator", role: "operator", disabled: false });
    const token = await logIn(vigil.url, { email: newEmail, password: "operator-password" });
    expect((await api(vigil.url, "/api/v1/guards", { token })).status).toBe(200);
    expect((await api(vigil.url, "/api/v1/users", { token })).status).toBe(403);

    const again = await api(vigil.url, "/api/v1/users", {
      method: "POST",
      token: vigil.adminToken,
      body: { email: newEmail, name: "Again", role: "manager", password: "operator-password" },
    });
    expect(again.status).toBe(409);
    expect(issuePaths(again.body)).toEqual(["email"]);
  });

  test("an admin changes a user's role and name", async () => {
    const { user } = await userOf("operator");
    const [row] = await vigil.sql<{ id: string }[]>`select id from users where email = ${user.email}`;
    const patched = await api<UserDto>(vigil.url, `/api/v1/users/${row!.id}`, {
      method: "PATCH",
      token: vigil.adminToken,
      body: { role: "supervisor", name: "Promoted" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ role: "supervisor", name: "Promoted" });
  });

  test("an admin can neither demote nor disable themself", async () => {
    const { user, token } = await userOf("admin");
    const [self] = await vigil.sql<{ id: string }[]>`select id from users where email = ${user.email}`;
    const demote = await api(vigil.url, `/api/v1/users/${self!.id}`, {
      method: "PATCH",
      token,
      body: { role: "operator" },
    });
    expect(demote.status).toBe(403);
    expect(issuePaths(demote.body)).toEqual(["role"]);
    const disable = await api(vigil.url, `/api/v1/users/${self!.id}`, {
      method: "PATCH",
      token,
      body: { disabled: true },
    });
    expect(disable.status).toBe(403);
    expect(issuePaths(disable.body)).toEqual(["disabled"]);
    // Still an admin, still signed in; renaming oneself is fine.
    const rename = await api<UserDto>(vigil.url, `/api/v1/users/${self!.id}`, {
      method: "PATCH",
      token,
      body: { name: "Still Admin" },
    });
    expect(rename.status).toBe(200);
    expect(rename.body).toMatchObject({ role: "admin", disabled: false, name: "Still Admin" });
  });

  test("a disabled user is cut off: API at once, live socket within 5 s, no new sign-in; re-enabled, they sign in again", async () => {
    const { user, token } = await userOf("operator");
    const [row] = await vigil.sql<{ id: string }[]>`select id from users where email = ${user.email}`;
    const socket = await connectSocket(vigil.url, token);
    let disconnectedAt = 0;
    socket.on("disconnect", () => (disconnectedAt = Date.now()));

    const disabledAt = Date.now();
    const disabled = await api<UserDto>(vigil.url, `/api/v1/users/${row!.id}`, {
      method: "PATCH",
      token: vigil.adminToken,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await api(vigil.url, "/api/v1/guards", { token })).status).toBe(401);
    await waitFor(() => disconnectedAt > 0, { timeoutMs: 5000, what: "the disabled user's socket to close" });
    expect(disconnectedAt - disabledAt).toBeLessThan(5000);
    socket.close();
    await expect(logIn(vigil.url, user)).rejects.toThrow(/401/);

    await api(vigil.url, `/api/v1/users/${row!.id}`, {
      method: "PATCH",
      token: vigil.adminToken,
      body: { disabled: false },
    });
    const again = await logIn(vigil.url, user);
    expect((await api(vigil.url, "/api/v1/guards", { token: again })).status).toBe(200);
  });

  test("another tenant's admin cannot see or change this tenant's users", async () => {
    const other = await createTenant(vigil.sql, { name: "Other" });
    const otherToken = await logIn(vigil.url, other);
    const [victim] = await vigil.sql<{ id: string }[]>`select id from users where email = ${ADMIN_EMAIL}`;
    const listed = await walk<UserDto>("/api/v1/users", otherToken, 50);
    expect(listed.map((u) => u.email)).toEqual([other.email]);
    const patch = await api(vigil.url, `/api/v1/users/${victim!.id}`, {
      method: "PATCH",
      token: otherToken,
      body: { role: "operator", disabled: true },
    });
    expect(patch.status).toBe(404);
    expect((await api(vigil.url, "/api/v1/guards", { token: vigil.adminToken })).status).toBe(200);
    const [after] = await vigil.sql<{ role: string; disabledAt: Date | null }[]>`
      select role, disabled_at as "disabledAt" from users where id = ${victim!.id}`;
    expect(after).toEqual({ role: "admin", disabledAt: null });
  });
});

describe("pagination", () => {
  test("users walk page by page with limit and cursor, every user once", async () => {
    for (let i = 0; i < 3; i++) await userOf("supervisor");
    const [row] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from users where tenant_id = ${await tenantOf(vigil.sql, ADMIN_EMAIL)}`;
    const n = row!.n;
    const walked = await walk<UserDto>("/api/v1/users", vigil.adminToken, 2);
    expect(walked).toHaveLength(n);
    expect(new Set(walked.map((u) => u.id)).size).toBe(n);
    expect(walked.map((u) => u.email)).toEqual([...walked.map((u) => u.email)].sort());
  });

  test("contacts, escalation policies and devices answer pages with a next cursor", async () => {
    for (const name of ["Cora", "Abel", "Bea"]) {
      const created = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
        method: "POST",
        token: vigil.adminToken,
        body: { name, email: email(name.toLowerCase()) },
      });
      expect(created.status).toBe(201);
    }
    const first = await api<Page<ContactDto>>(vigil.url, "/api/v1/contacts?limit=2", { token: vigil.adminToken });
    expect(first.body.items.map((c) => c.name)).toEqual(["Abel", "Bea"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const contacts = await walk<ContactDto>("/api/v1/contacts", vigil.adminToken, 2);
    expect(contacts.map((c) => c.name)).toEqual(["Abel", "Bea", "Cora"]);

    for (const kind of ["sensor", "gateway", "sensor"]) {
      const device = await api(vigil.url, "/api/v1/devices", {
        method: "POST",
        token: vigil.adminToken,
        body: { externalId: uniqueId("paged"), kind },
      });
      expect(device.status).toBe(201);
    }
    const devices = await walk<{ id: string; externalId: string }>("/api/v1/devices", vigil.adminToken, 2);
    expect(devices.length).toBeGreaterThanOrEqual(3);
    expect(new Set(devices.map((d) => d.id)).size).toBe(devices.length);
    expect(await walk("/api/v1/escalation-policies", vigil.adminToken, 1)).toEqual([]);
  });

  test("a cursor that is not one of ours is a 422 naming query.cursor", async () => {
    const response = await api(vigil.url, "/api/v1/users?cursor=garbage", { token: vigil.adminToken });
    expect(response.status).toBe(422);
    expect(issuePaths(response.body)).toEqual(["query.cursor"]);
  });
});
