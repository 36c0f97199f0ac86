// Removing a contact while an alert escalates: the next tier does not reach
// them (real worker, real twilio SDK against the local fake), the people still
// on the policy are told, and the alert's delivery ledger keeps naming who was
// told before. An edited phone number is used from the next tier on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../../server/contracts/alert-api";
import type { ContactDto, EscalationPolicyDto } from "../../server/contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let sam: ContactDto;
let mia: ContactDto;
let raj: ContactDto;
let policy: EscalationPolicyDto;

const TIER_2_DELAY_S = 6;

function call<T>(method: "POST" | "PATCH" | "DELETE", route: string, body?: unknown) {
  return api<T>(vigil.url, route, { method, token: vigil.adminToken, body });
}

const smsAbout = (phone: string, sourceExternalId: string) =>
  fake.requests.filter(
    (r) => r.provider === "twilio" && r.body.To === phone && r.body.Body?.includes(sourceExternalId) === true,
  );

const detailOf = async (alertId: string) =>
  (await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alertId}`, { token: vigil.adminToken })).body;

const escalationJobOf = (alertId: string) =>
  vigil.sql`select 1 from graphile_worker._private_jobs where key = ${`escalate:${alertId}`}`;

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: fake.vigilEnv });
  const contact = async (name: string, phone: string) =>
    (await call<ContactDto>("POST", "/api/v1/contacts", { name, phone })).body;
  sam = await contact("Sam Supervisor", "+919811000001");
  mia = await contact("Mia Manager", "+919811000002");
  raj = await contact("Raj Response", "+919811000003");
  const created = await call<EscalationPolicyDto>("POST", "/api/v1/escalation-policies", {
    name: "Default",
    tiers: [
      { contactIds: [sam.id], channels: ["sms"], delaySeconds: 0 },
      { contactIds: [mia.id, raj.id], channels: ["sms"], delaySeconds: TIER_2_DELAY_S },
    ],
  });
  expect(created.status).toBe(201);
  policy = created.body;
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

describe("removing and editing contacts during escalations", () => {
  it("a contact removed while an alert escalates gets nothing from the next tier; the ledger still names who was told", async () => {
    const { alert } = await raisePanic(vigil, "Removed contact test");
    await waitFor(() => smsAbout(sam.phone!, alert.sourceExternalId).length > 0, { what: "tier 1 SMS to Sam" });
    // The second tier is still to come when Mia is removed.
    expect(await escalationJobOf(alert.id)).toHaveLength(1);
    expect((await detailOf(alert.id)).deliveries.filter((d) => d.tier === 1)).toEqual([]);

    expect((await call("DELETE", `/api/v1/contacts/${mia.id}`)).status).toBe(204);

    await waitFor(() => smsAbout(raj.phone!, alert.sourceExternalId).length > 0, {
      timeoutMs: 20_000,
      what: "tier 2 SMS to Raj",
    });
    expect(smsAbout(mia.phone!, alert.sourceExternalId)).toEqual([]);
    const detail = await detailOf(alert.id);
    expect(detail.deliveries.map((d) => [d.tier, d.contactName, d.status]).sort()).toEqual([
      [0, "Sam Supervisor", "sent"],
      [1, "Raj Response", "sent"],
    ]);

    // Mia is gone from the list and from the policy, and her removal is recorded with who removed her.
    const contacts = await api<{ items: ContactDto[] }>(vigil.url, "/api/v1/contacts", { token: vigil.adminToken });
    expect(contacts.body.items.map((c) => c.name).sort()).toEqual(["Raj Response", "Sam Supervisor"]);
    const policies = await api<{ items: EscalationPolicyDto[] }>(vigil.url, "/api/v1/escalation-policies", {
      token: vigil.adminToken,
    });
    expect(policies.body.items[0]!.tiers.map((t) => t.contactIds)).toEqual([[sam.id], [raj.id]]);
    const [record] = await vigil.sql`
      select d.kind, d.label, u.email from deletions d join users u on u.id = d.deleted_by where d.entity_id = ${mia.id}`;
    expect(record).toEqual({ kind: "contact", label: "Mia Manager", email: expect.any(String) });
    // A removed contact cannot be removed or edited again, nor put back in a policy.
    expect((await call("DELETE", `/api/v1/contacts/${mia.id}`)).status).toBe(404);
    expect((await call("PATCH", `/api/v1/contacts/${mia.id}`, { name: "Back" })).status).toBe(404);
    const refused = await call<{ error: { issues: { path: string }[] } }>(
      "PATCH",
      `/api/v1/escalation-policies/${policy.id}`,
      { tiers: [{ contactIds: [sam.id, mia.id], channels: ["sms"], delaySeconds: 0 }] },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i) => i.path)).toEqual(["tiers.0.contactIds.1"]);
  }, 45_000);

  it("an escalation skips a removed contact even when the policy still names them", async () => {
    // As if the policy had been read before the removal committed: the tiers name Mia again.
    await vigil.sql`update escalation_policies set tiers = ${vigil.sql.json(policy.tiers)} where id = ${policy.id}`;
    const { alert } = await raisePanic(vigil, "Stale policy test");
    await waitFor(() => smsAbout(raj.phone!, alert.sourceExternalId).length > 0, {
      timeoutMs: 20_000,
      what: "tier 2 SMS to Raj",
    });
    expect(smsAbout(mia.phone!, alert.sourceExternalId)).toEqual([]);
    expect((await detailOf(alert.id)).deliveries.some((d) => d.contactName === "Mia Manager")).toBe(false);
  }, 45_000);

  it("a phone number changed while an alert escalates is used by the next tier", async () => {
    const { alert } = await raisePanic(vigil, "Edited contact test");
    await waitFor(() => smsAbout(sam.phone!, alert.sourceExternalId).length > 0, { what: "tier 1 SMS to Sam" });
    const edited = await call<ContactDto>("PATCH", `/api/v1/contacts/${raj.id}`, { phone: "+919811000099" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Raj Response", phone: "+919811000099" });
    await waitFor(() => smsAbout("+919811000099", alert.sourceExternalId).length > 0, {
      timeoutMs: 20_000,
      what: "tier 2 SMS to Raj's new number",
    });
    expect(smsAbout(raj.phone!, alert.sourceExternalId)).toEqual([]);

    // Sam removed afterwards: this alert's ledger still shows the SMS he was sent, marked as removed.
    expect((await call("DELETE", `/api/v1/contacts/${sam.id}`)).status).toBe(204);
    const ledger = (await detailOf(alert.id)).deliveries.find((d) => d.tier === 0);
    expect(ledger).toMatchObject({ contactName: "Sam Supervisor (removed)", channel: "sms", status: "sent" });
  }, 45_000);
});
