// Read APIs follow the roles of the pages that show the same data (issue 16):
// contacts and escalation policies are on the admins' notifications page, a
// device's configurations on its page for admins only, and where an alert's
// notifications went (a contact's phone or email) is the admins' to read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/server/contracts/api";
import type { AlertDetailDto } from "@/server/contracts/alert-api";
import type { ContactDto } from "@/server/contracts/notifications";
import { api, logIn, uniqueId } from "@/test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "@/test/harness/fake-providers";
import { raisePanic } from "@/test/harness/panic";
import { createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
const tokens = {} as Record<UserRole, string>;
const others: UserRole[] = ["manager", "operator", "supervisor"];
const email = `${uniqueId("sam")}@vigil.test`;

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: fake.vigilEnv });
  const tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  tokens.admin = vigil.adminToken;
  for (const role of others) tokens[role] = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role }));
  const contact = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Sam Supervisor", email },
  });
  const policy = await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Mail", tiers: [{ contactIds: [contact.body.id], channels: ["email"], delaySeconds: 0 }] },
  });
  expect(policy.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

describe("read APIs follow the pages' roles", () => {
  it("contacts, escalation policies and device configurations are read by admins only", async () => {
    const device = uniqueId("cfg");
    const created = await api(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: device, kind: "gateway" },
    });
    expect(created.status).toBe(201);
    const reads = ["/api/v1/contacts", "/api/v1/escalation-policies", `/api/v1/devices/${device}/config`];
    for (const path of reads) {
      expect((await api(vigil.url, path, { token: tokens.admin })).status, `admin ${path}`).toBe(200);
      for (const role of others) {
        const { status, body } = await api(vigil.url, path, { token: tokens[role] });
        expect(status, `${role} ${path}`).toBe(403);
        expect(JSON.stringify(body)).not.toContain(email);
      }
    }
  });

  it("an alert's deliveries show their recipient to admins only", async () => {
    const { alert } = await raisePanic(vigil, "Intruder at gate 3");
    const deliveriesFor = async (role: UserRole) =>
      (await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: tokens[role] })).body.deliveries;
    await waitFor(async () => (await deliveriesFor("admin")).find((d) => d.status === "sent"), {
      timeoutMs: 10_000,
      what: "the email delivery",
    });
    expect(await deliveriesFor("admin")).toEqual([expect.objectContaining({ channel: "email", recipient: email })]);
    for (const role of others) {
      expect(await deliveriesFor(role), role).toEqual([
        expect.objectContaining({ channel: "email", contactName: "Sam Supervisor", recipient: null, status: "sent" }),
      ]);
    }
  });
});
