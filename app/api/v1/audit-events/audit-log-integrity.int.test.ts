// The audit log's integrity over real HTTP and PostgreSQL: secrets never
// reach it; the database refuses to edit or delete an entry (except the
// cascade of its tenant's deletion), and the API has no way to.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { UserDto } from "@/server/contracts/admin";
import type { DeviceWithCredentialsDto } from "@/server/contracts/api";
import type { ContactDto } from "@/server/contracts/notifications";
import type { AuditEventDto } from "@/server/contracts/audit";
import type { Page } from "@/server/contracts/pagination";
import { api, logIn, uniqueId } from "@/test/harness/api-client";
import { createTenant, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

async function entries(query: string): Promise<AuditEventDto[]> {
  const response = await api<Page<AuditEventDto>>(vigil.url, `/api/v1/audit-events?${query}`, {
    token: vigil.adminToken,
  });
  expect(response.status).toBe(200);
  return response.body.items;
}

async function newContact(): Promise<ContactDto> {
  const created = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: uniqueId("Contact"), phone: "+14155550100" },
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe("secrets never reach the log", () => {
  test("a device's MQTT password, tracking key and their hashes are redacted when registered and rotated", async () => {
    const externalId = uniqueId("audit-phone");
    const registered = await api<DeviceWithCredentialsDto>(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId, kind: "sensor" },
    });
    expect(registered.status).toBe(201);
    const rotated = await api<DeviceWithCredentialsDto>(vigil.url, `/api/v1/devices/${externalId}/credentials`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(rotated.status).toBe(201);
    const [hashes] = await vigil.sql<{ secretHash: string; mosquittoHash: string; trackingKeyHash: string }[]>`
      select secret_hash as "secretHash", mosquitto_hash as "mosquittoHash", tracking_key_hash as "trackingKeyHash"
      from devices where external_id = ${externalId}`;
    const stored = await vigil.sql<{ row: string }[]>`
      select row_to_json(a)::text as row from audit_events a where entity_type = 'device' and entity_id = ${externalId}`;
    expect(stored).toHaveLength(2);
    const text = stored.map((r) => r.row).join("\n");
    for (const secret of [
      registered.body.mqtt.password,
      registered.body.trackingKey,
      rotated.body.mqtt.password,
      rotated.body.trackingKey,
      ...Object.values(hashes!),
    ]) {
      expect(text).not.toContain(secret);
    }
    const [rotation] = await entries(`entityType=device&entityId=${externalId}&action=rotate_credentials`);
    expect(rotation?.after).toMatchObject({
      mqtt: { username: externalId, password: "[redacted]" },
      trackingKey: "[redacted]",
    });
  });

  test("a new user's password and its hash are not in the entry", async () => {
    const password = `pw-${uniqueId("secret")}`;
    const created = await api<UserDto>(vigil.url, "/api/v1/users", {
      method: "POST",
      token: vigil.adminToken,
      body: { email: `${uniqueId("u")}@tenant.test`, name: "U", role: "supervisor", password },
    });
    expect(created.status).toBe(201);
    const [user] = await vigil.sql<{ passwordHash: string }[]>`
      select password_hash as "passwordHash" from users where id = ${created.body.id}`;
    const [stored] = await vigil.sql<{ row: string }[]>`
      select row_to_json(a)::text as row from audit_events a where entity_id = ${created.body.id}`;
    expect(stored?.row).toContain(created.body.email);
    expect(stored?.row).not.toContain(password);
    expect(stored?.row).not.toContain(user!.passwordHash);
  });
});

describe("entries cannot be edited or deleted", () => {
  test("the database refuses UPDATE, DELETE and TRUNCATE on audit_events, whoever connects", async () => {
    const contact = await newContact();
    const [entry] = await vigil.sql<{ id: string }[]>`select id from audit_events where entity_id = ${contact.id}`;
    await expect(vigil.sql`update audit_events set after = null where id = ${entry!.id}`).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(vigil.sql`delete from audit_events where id = ${entry!.id}`).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(vigil.sql`truncate audit_events`).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [still] = await vigil.sql<{ after: unknown }[]>`select after from audit_events where id = ${entry!.id}`;
    expect(still?.after).toMatchObject({ id: contact.id });
  });

  test("deleting a tenant takes its entries with it (the one deletion allowed), and only its own", async () => {
    const doomed = await createTenant(vigil.sql, { name: "Doomed" });
    const token = await logIn(vigil.url, doomed);
    const made = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
      method: "POST",
      token,
      body: { name: "D", email: "d@tenant.test" },
    });
    expect(made.status).toBe(201);
    const count = async (tenantId: string) =>
      Number((await vigil.sql`select count(*)::int as n from audit_events where tenant_id = ${tenantId}`)[0]!.n);
    const ours = await tenantOf(vigil.sql, ADMIN_EMAIL);
    const oursBefore = await count(ours);
    expect(await count(doomed.tenantId)).toBe(1);
    await vigil.sql`delete from tenants where id = ${doomed.tenantId}`;
    expect(await count(doomed.tenantId)).toBe(0);
    expect(await count(ours)).toBe(oursBefore);
  });

  test("the API has no way to change an entry: PUT, PATCH and DELETE on /api/v1/audit-events are refused", async () => {
    for (const method of ["PUT", "PATCH", "DELETE", "POST"]) {
      const response = await api(vigil.url, "/api/v1/audit-events", { method, token: vigil.adminToken, body: {} });
      expect(response.status, method).toBe(405);
    }
  });
});
