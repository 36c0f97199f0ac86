// What a push subscription may be (issue 16 items 6 and 7): only a public
// https destination, never taken over by another tenant, at most ten per
// owner, and one made through a signed alert link ends when it expires or
// when the contact it was made for changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../../server/contracts/alert-api";
import type { ContactDto } from "../../server/contracts/notifications";
import { api, logIn } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders, type FakePushSubscription } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { createTenant, createUser, tenantOf } from "../../test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let contact: ContactDto;
let supervisorToken: string;
let usersPhone: FakePushSubscription;

const pushesTo = (phone: FakePushSubscription, alertId: string) =>
  fake.requests.filter(
    (r) => r.provider === "push" && phone.endpoint.endsWith(r.path) && r.body.tag === `alert-${alertId}`,
  );

const subscribe = (token: string, phone: FakePushSubscription) =>
  api<{ error?: { issues: { path: string }[] } }>(vigil.url, "/api/v1/push-subscriptions", {
    method: "POST",
    token,
    body: phone,
  });

/** A panic, and the moment its push delivery is settled (sent to the supervisor's own phone). */
async function panicPushed() {
  const { alert } = await raisePanic(vigil, "Intruder at gate 3");
  await waitFor(
    async () => {
      const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
      return body.deliveries.find((d) => d.channel === "push" && d.status === "sent");
    },
    { timeoutMs: 10_000, what: "the push delivery" },
  );
  await api(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST", token: vigil.adminToken });
  return alert;
}

async function linkOf(alertId: string) {
  const [push] = pushesTo(usersPhone, alertId);
  const url = new URL(push!.body.url!);
  return { alertId: url.pathname.split("/").at(-1)!, token: url.searchParams.get("t")! };
}

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: { ...fake.vigilEnv, PUBLIC_URL: "https://noc.vigil.test" } });
  contact = (
    await api<ContactDto>(vigil.url, "/api/v1/contacts", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Sam Supervisor", email: "sam@vigil.test" },
    })
  ).body;
  const supervisor = await createUser(vigil.sql, {
    tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL),
    role: "supervisor",
  });
  await vigil.sql`update contacts set user_id = (select id from users where email = ${supervisor.email}) where id = ${contact.id}`;
  supervisorToken = await logIn(vigil.url, supervisor);
  usersPhone = fake.pushSubscription();
  expect((await subscribe(supervisorToken, usersPhone)).status).toBe(201);
  const policy = await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Phones", tiers: [{ contactIds: [contact.id], channels: ["push"], delaySeconds: 0 }] },
  });
  expect(policy.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

describe("push subscription rules", () => {
  it("an endpoint on a private, link-local, metadata or ambiguous address is refused, naming the endpoint", async () => {
    const keys = usersPhone.keys;
    for (const endpoint of [
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/push/x",
      "https://100.100.100.200/push/x",
      "https://[fd00:ec2::254]/push/x",
      "https://[::ffff:192.168.1.1]/push/x",
      "http://2130706433/push/x",
    ]) {
      const refused = await subscribe(supervisorToken, { endpoint, keys });
      expect(refused.status, endpoint).toBe(422);
      expect(refused.body.error?.issues.map((i) => i.path)).toEqual(["endpoint"]);
    }
    expect(await vigil.sql`select 1 from push_subscriptions where endpoint like '%push/x'`).toHaveLength(0);
  });

  it("another tenant cannot take a phone's subscription over by registering its endpoint", async () => {
    const otherAdmin = await logIn(vigil.url, await createTenant(vigil.sql));
    const taken = await subscribe(otherAdmin, { ...usersPhone, keys: fake.pushSubscription().keys });
    expect(taken.status).toBe(409);
    const [row] = await vigil.sql<{ tenantId: string; p256dh: string }[]>`
      select tenant_id as "tenantId", p256dh from push_subscriptions where endpoint = ${usersPhone.endpoint}`;
    expect(row).toEqual({ tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL), p256dh: usersPhone.keys.p256dh });
  });

  it("an owner keeps at most ten subscriptions: an eleventh replaces the oldest", async () => {
    const user = await createUser(vigil.sql, { tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL), role: "operator" });
    const token = await logIn(vigil.url, user);
    const phones = Array.from({ length: 11 }, () => fake.pushSubscription());
    for (const phone of phones) expect((await subscribe(token, phone)).status).toBe(201);
    const rows = await vigil.sql<{ endpoint: string }[]>`
      select endpoint from push_subscriptions where user_id = (select id from users where email = ${user.email})`;
    expect(rows.map((r) => r.endpoint).sort()).toEqual(
      phones
        .slice(1)
        .map((p) => p.endpoint)
        .sort(),
    );
  });

  it("a subscription from a signed link lasts 30 days and ends as soon as the contact's email changes", async () => {
    const first = await panicPushed();
    const contactsPhone = fake.pushSubscription();
    const saved = await api(vigil.url, "/api/v1/push-subscriptions/link", {
      method: "POST",
      body: { ...contactsPhone, ...(await linkOf(first.id)) },
    });
    expect(saved.status).toBe(201);
    const [row] = await vigil.sql<{ days: number }[]>`
      select extract(epoch from expires_at - now()) / 86400 as days from push_subscriptions
      where endpoint = ${contactsPhone.endpoint}`;
    expect(Number(row!.days)).toBeGreaterThan(29.9);
    expect(Number(row!.days)).toBeLessThanOrEqual(30);

    const reached = await panicPushed();
    expect(pushesTo(contactsPhone, reached.id)).toHaveLength(1);

    await vigil.sql`update contacts set email = 'someone.else@vigil.test' where id = ${contact.id}`;
    const afterChange = await panicPushed();
    expect(pushesTo(usersPhone, afterChange.id)).toHaveLength(1);
    expect(pushesTo(contactsPhone, afterChange.id)).toHaveLength(0);
    expect(await vigil.sql`select 1 from push_subscriptions where endpoint = ${contactsPhone.endpoint}`).toHaveLength(
      0,
    );
  }, 60_000);

  it("a subscription from a signed link gets nothing once it has expired", async () => {
    const first = await panicPushed();
    const contactsPhone = fake.pushSubscription();
    const saved = await api(vigil.url, "/api/v1/push-subscriptions/link", {
      method: "POST",
      body: { ...contactsPhone, ...(await linkOf(first.id)) },
    });
    expect(saved.status).toBe(201);
    await vigil.sql`update push_subscriptions set expires_at = now() - interval '1 second' where endpoint = ${contactsPhone.endpoint}`;
    const expired = await panicPushed();
    expect(pushesTo(contactsPhone, expired.id)).toHaveLength(0);
    expect(await vigil.sql`select 1 from push_subscriptions where endpoint = ${contactsPhone.endpoint}`).toHaveLength(
      0,
    );
  }, 60_000);
});
