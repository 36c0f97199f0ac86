// The audit log over real HTTP and PostgreSQL: a change made through the API
// leaves one entry with who, what, before and after, and from where; another
// tenant reads none of it; filters and keyset pages. Secrets and the log's
// append-only rule: audit-log-integrity.int.test.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { UserDto } from "@/server/contracts/admin";
import type { ContactDto } from "@/server/contracts/notifications";
import type { AuditEventDto } from "@/server/contracts/audit";
import type { Page } from "@/server/contracts/pagination";
import { api, createGuard, logIn, uniqueId, type ApiError } from "@/test/harness/api-client";
import { createTenant, createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;
const USER_AGENT = "audit-test/1.0 (vitest)";

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

const as = (token: string) => ({ token, headers: { "user-agent": USER_AGENT } });

async function entries(query: string, token = vigil.adminToken): Promise<AuditEventDto[]> {
  const response = await api<Page<AuditEventDto>>(vigil.url, `/api/v1/audit-events?${query}`, { token });
  expect(response.status).toBe(200);
  return response.body.items;
}

async function newContact(name = uniqueId("Contact")): Promise<ContactDto> {
  const created = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    ...as(vigil.adminToken),
    body: { name, phone: "+14155550100" },
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe("a change and its entry", () => {
  test("adding a contact records who, what, the contact after, and the request's address and user agent", async () => {
    const contact = await newContact();
    const [entry, ...more] = await entries(`entityType=contact&entityId=${contact.id}`);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "create",
      entityType: "contact",
      entityId: contact.id,
      actor: { email: ADMIN_EMAIL, role: "admin" },
      before: null,
      after: { id: contact.id, name: contact.name, phone: "+14155550100" },
      userAgent: USER_AGENT,
      channel: "api",
    });
    expect(entry!.ip).toMatch(/127\.0\.0\.1|::1/);
    const [admin] = await vigil.sql<{ id: string }[]>`select id from users where email = ${ADMIN_EMAIL}`;
    expect(entry!.actor?.userId).toBe(admin!.id);
  });

  test("changing a user's role records the user before and after", async () => {
    const created = await api<UserDto>(vigil.url, "/api/v1/users", {
      method: "POST",
      ...as(vigil.adminToken),
      body: { email: `${uniqueId("op")}@tenant.test`, name: "Op", role: "operator", password: "operator-password" },
    });
    const patched = await api<UserDto>(vigil.url, `/api/v1/users/${created.body.id}`, {
      method: "PATCH",
      ...as(vigil.adminToken),
      body: { role: "manager", disabled: true },
    });
    expect(patched.status).toBe(200);
    const [update, create] = await entries(`entityType=user&entityId=${created.body.id}`);
    expect(create?.action).toBe("create");
    expect(update).toMatchObject({
      action: "update",
      before: { role: "operator", disabled: false },
      after: { role: "manager", disabled: true },
    });
  });

  test("replacing a site records its fences before and after", async () => {
    const site = await api<{ id: string }>(vigil.url, "/api/v1/sites", {
      method: "POST",
      ...as(vigil.adminToken),
      body: { name: "Depot", geofences: [{ name: "Yard", circle: { center: [77.59, 12.97], radiusM: 100 } }] },
    });
    expect(site.status).toBe(201);
    const replaced = await api(vigil.url, `/api/v1/sites/${site.body.id}`, {
      method: "PUT",
      ...as(vigil.adminToken),
      body: { name: "Depot North", geofences: [] },
    });
    expect(replaced.status).toBe(200);
    const [update] = await entries(`entityType=site&entityId=${site.body.id}&action=update`);
    expect(update?.before).toMatchObject({ name: "Depot", geofences: [{ name: "Yard" }] });
    expect(update?.after).toMatchObject({ name: "Depot North", geofences: [] });
  });

  test("claiming, acknowledging, noting and resolving an alert are each recorded with the alert's state", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const [alert] = await vigil.sql<{ id: string }[]>`
      insert into alerts (tenant_id, source_key, type, severity, message, first_seen_at, last_seen_at, guard_id)
      select tenant_id, 'guard:' || id, 'panic', 'critical', 'help', now(), now(), id from guards where id = ${guard.id}
      returning id`;
    const call = (action: string, body?: unknown) =>
      api(vigil.url, `/api/v1/alerts/${alert!.id}/${action}`, { method: "POST", ...as(vigil.adminToken), body });
    expect((await call("claim")).status).toBe(200);
    expect((await call("acknowledge")).status).toBe(200);
    expect((await call("notes", { text: "called the guard" })).status).toBe(201);
    expect((await call("resolve", { outcome: "false_alarm", note: "pocket dial" })).status).toBe(200);
    const log = await entries(`entityType=alert&entityId=${alert!.id}`);
    expect(log.map((e) => e.action)).toEqual(["resolve", "note", "acknowledge", "claim"]);
    const [resolve, note, acknowledge] = log;
    expect(acknowledge).toMatchObject({ before: { status: "NEW" }, after: { status: "ACKNOWLEDGED" } });
    expect(note?.after).toEqual({ note: "called the guard" });
    expect(resolve).toMatchObject({
      before: { status: "ACKNOWLEDGED", outcome: null },
      after: { status: "RESOLVED", outcome: "false_alarm", resolutionNote: "pocket dial" },
    });
  });

  test("a change that fails records nothing (the entry is written in the change's own transaction)", async () => {
    const site = await api<{ id: string }>(vigil.url, "/api/v1/sites", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Gatehouse" },
    });
    // The site row is updated before the unknown fence id is found: the 422 rolls both back.
    const refused = await api(vigil.url, `/api/v1/sites/${site.body.id}`, {
      method: "PUT",
      token: vigil.adminToken,
      body: {
        name: "Renamed",
        geofences: [{ id: crypto.randomUUID(), name: "x", circle: { center: [0, 0], radiusM: 5 } }],
      },
    });
    expect(refused.status).toBe(422);
    expect((await entries(`entityId=${site.body.id}`)).map((e) => e.action)).toEqual(["create"]);
  });
});

describe("who reads the log", () => {
  test("another tenant's admin reads none of this tenant's entries, whatever the filter", async () => {
    const contact = await newContact("Only-A contact");
    const other = await createTenant(vigil.sql, { name: "Tenant B" });
    const token = await logIn(vigil.url, other);
    expect(await entries(`entityType=contact&entityId=${contact.id}`, token)).toEqual([]);
    expect(await entries(`actor=${ADMIN_EMAIL}`, token)).toEqual([]);
    const all = JSON.stringify(await entries("limit=200", token));
    expect(all).not.toContain(contact.id);
    expect(all).not.toContain(ADMIN_EMAIL);
  });

  test.each(["operator", "supervisor"] as const)("the %s role gets 403; a manager reads the log", async (role) => {
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const token = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role }));
    expect((await api(vigil.url, "/api/v1/audit-events", { token })).status).toBe(403);
    const manager = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role: "manager" }));
    expect((await entries("limit=1", manager)).length).toBe(1);
  });

  test("a manager sees that a contact changed, and who changed it, but not its number (contacts are admins')", async () => {
    const contact = await newContact();
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const manager = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role: "manager" }));
    const [seen] = await entries(`entityId=${contact.id}`, manager);
    expect(seen).toMatchObject({
      action: "create",
      actor: { email: ADMIN_EMAIL },
      before: null,
      after: null,
      withheld: true,
    });
    const [asAdmin] = await entries(`entityId=${contact.id}`);
    expect(asAdmin).toMatchObject({ withheld: false, after: { phone: "+14155550100" } });
  });
});

describe("filters and pages", () => {
  test("pages newest first by cursor, without gaps or repeats, with the next page in the Link header", async () => {
    const made = [await newContact(), await newContact(), await newContact()];
    const seen: string[] = [];
    let query = "entityType=contact&action=create&limit=2";
    for (;;) {
      const response = await api<Page<AuditEventDto>>(vigil.url, `/api/v1/audit-events?${query}`, {
        token: vigil.adminToken,
      });
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((e) => e.entityId));
      if (!response.body.nextCursor) break;
      expect(response.headers.get("link")).toContain(`cursor=${response.body.nextCursor}`);
      query = `entityType=contact&action=create&limit=2&cursor=${response.body.nextCursor}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual(made.map((c) => c.id).reverse());
  });

  test("filters by actor email or id, and by time", async () => {
    const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const manager = await createUser(vigil.sql, { tenantId, role: "manager" });
    const token = await logIn(vigil.url, manager);
    const started = new Date().toISOString();
    const site = await api<{ id: string }>(vigil.url, "/api/v1/sites", { method: "POST", token, body: { name: "M" } });
    expect(site.status).toBe(201);
    const byEmail = await entries(`actor=${encodeURIComponent(manager.email.toUpperCase())}`);
    expect(byEmail.map((e) => e.entityId)).toEqual([site.body.id]);
    const byId = await entries(`actor=${byEmail[0]!.actor!.userId}`);
    expect(byId.map((e) => e.id)).toEqual([byEmail[0]!.id]);
    expect(await entries(`entityId=${site.body.id}&from=${encodeURIComponent(started)}`)).toHaveLength(1);
    expect(await entries(`entityId=${site.body.id}&to=${encodeURIComponent(started)}`)).toEqual([]);
  });

  test("a bad filter or cursor is a 422 naming it", async () => {
    for (const [query, field] of [
      ["entityType=spaceship", "query.entityType"],
      ["action=erase", "query.action"],
      ["from=yesterday", "query.from"],
      ["cursor=nonsense", "query.cursor"],
    ] as const) {
      const response = await api<ApiError>(vigil.url, `/api/v1/audit-events?${query}`, { token: vigil.adminToken });
      expect(response.status, query).toBe(422);
      expect(response.body.error.issues?.map((i) => i.path)).toEqual([field]);
    }
  });
});
