// A panic reaches the supervisor's phones by web push (the real web-push
// package) through a local fake push service that decrypts what it gets:
// opted in as a signed-in user and from the signed alert link, a 410 removes
// the subscription, and a repeat of the alert pushes nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "../../server/contracts/alert-api";
import type { ContactDto } from "../../server/contracts/notifications";
import type { PushSubscriptionDto, VapidPublicKeyDto } from "../../server/contracts/push";
import { api, logIn } from "../../test/harness/api-client";
import {
  startFakeProviders,
  type FakeProviders,
  type FakePushSubscription,
  type RecordedRequest,
} from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { createUser, tenantOf } from "../../test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let contact: ContactDto;
let supervisorToken: string;

async function panic(): Promise<{ alert: AlertListItemDto; repeat: () => Promise<void> }> {
  const { alert, resend } = await raisePanic(vigil, "Intruder at gate 3");
  return { alert, repeat: resend };
}

const pushesTo = (subscription: FakePushSubscription): RecordedRequest[] =>
  fake.requests.filter((r) => r.provider === "push" && subscription.endpoint.endsWith(r.path));

async function pushDelivery(alertId: string) {
  return waitFor(
    async () => {
      const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alertId}`, { token: vigil.adminToken });
      return body.deliveries.find((d) => d.channel === "push" && d.status !== "queued");
    },
    { timeoutMs: 10_000, what: "the push delivery row" },
  );
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
  // The contact is also a supervisor who signs in to Vigil on a phone.
  const supervisor = await createUser(vigil.sql, {
    tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL),
    role: "supervisor",
  });
  await vigil.sql`update contacts set user_id = (select id from users where email = ${supervisor.email}) where id = ${contact.id}`;
  supervisorToken = await logIn(vigil.url, supervisor);
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

describe("web push notifications", () => {
  let usersPhone: FakePushSubscription;
  let link = "";

  it("the browser gets the VAPID public key to subscribe with", async () => {
    const { status, body } = await api<VapidPublicKeyDto>(vigil.url, "/api/v1/push/vapid-public-key");
    expect(status).toBe(200);
    expect(body.publicKey).toBe(fake.vigilEnv.VAPID_PUBLIC_KEY);
  });

  it("a panic pushes once to the supervisor's subscribed phone, signed with VAPID, with the title, severity and link", async () => {
    usersPhone = fake.pushSubscription();
    const saved = await api<PushSubscriptionDto>(vigil.url, "/api/v1/push-subscriptions", {
      method: "POST",
      token: supervisorToken,
      body: usersPhone,
    });
    expect(saved.status).toBe(201);

    const { alert, repeat } = await panic();
    const [push] = await waitFor(() => (pushesTo(usersPhone).length > 0 ? pushesTo(usersPhone) : null), {
      timeoutMs: 10_000,
      what: "the push",
    });
    expect(push!.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${fake.vigilEnv.VAPID_PUBLIC_KEY}$`),
    );
    expect(push!.headers["content-encoding"]).toBe("aes128gcm");
    expect(push!.headers.urgency).toBe("high");
    expect(push!.body).toMatchObject({
      title: `🚨 PANIC: ${alert.sourceName}`,
      severity: "critical",
      tag: `alert-${alert.id}`,
    });
    expect(push!.body.body).toContain("CRITICAL");
    expect(push!.body.url).toMatch(new RegExp(`^https://noc\\.vigil\\.test/m/alerts/${alert.id}\\?t=`));
    link = push!.body.url!;
    const delivery = await pushDelivery(alert.id);
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, error: null, contactName: "Sam Supervisor" });
    expect(delivery.providerId).toMatch(/\/messages\//);

    await repeat();
    await waitFor(async () => {
      const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
      return body.count === 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(pushesTo(usersPhone)).toHaveLength(1);
    await api(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST", token: vigil.adminToken });
  }, 30_000);

  it("a contact opts in from the signed alert link; a forged link is refused", async () => {
    const url = new URL(link);
    const alertId = url.pathname.split("/").at(-1)!;
    const token = url.searchParams.get("t")!;
    const contactsPhone = fake.pushSubscription();
    const forged = await api(vigil.url, "/api/v1/push-subscriptions/link", {
      method: "POST",
      body: { ...contactsPhone, alertId, token: `${token}x` },
    });
    expect(forged.status).toBe(403);
    const saved = await api(vigil.url, "/api/v1/push-subscriptions/link", {
      method: "POST",
      body: { ...contactsPhone, alertId, token },
    });
    expect(saved.status).toBe(201);
    const [row] = await vigil.sql<{ contact_id: string; user_id: string | null }[]>`
      select contact_id, user_id from push_subscriptions where endpoint = ${contactsPhone.endpoint}`;
    expect(row).toEqual({ contact_id: contact.id, user_id: null });

    const { alert } = await panic();
    await waitFor(() => pushesTo(contactsPhone).some((r) => r.body.tag === `alert-${alert.id}`), {
      timeoutMs: 10_000,
      what: "the push to the contact's phone",
    });
    await waitFor(() => pushesTo(usersPhone).some((r) => r.body.tag === `alert-${alert.id}`));
    expect((await pushDelivery(alert.id)).status).toBe("sent");
  }, 30_000);

  it("a phone whose push service answers 410 loses its subscription; the others still get the alert", async () => {
    fake.answerPush(usersPhone.endpoint, 410);
    const { alert } = await panic();
    const delivery = await pushDelivery(alert.id);
    expect(delivery.status).toBe("sent");
    expect(delivery.error).toBe("1 expired subscription removed");
    expect(await vigil.sql`select 1 from push_subscriptions where endpoint = ${usersPhone.endpoint}`).toHaveLength(0);
  }, 30_000);

  it("opting out removes only the caller's own subscription", async () => {
    const phone = fake.pushSubscription();
    await api(vigil.url, "/api/v1/push-subscriptions", { method: "POST", token: supervisorToken, body: phone });
    const byOther = await api<{ removed: boolean }>(vigil.url, "/api/v1/push-subscriptions", {
      method: "DELETE",
      token: vigil.adminToken,
      body: { endpoint: phone.endpoint },
    });
    expect(byOther.body).toEqual({ removed: false });
    const byOwner = await api<{ removed: boolean }>(vigil.url, "/api/v1/push-subscriptions", {
      method: "DELETE",
      token: supervisorToken,
      body: { endpoint: phone.endpoint },
    });
    expect(byOwner.body).toEqual({ removed: true });
  });

  it("a plain-http endpoint is refused unless WEB_PUSH_ALLOW_HTTP; a malformed key is named", async () => {
    const bad = await api<{ error: { issues: { path: string }[] } }>(vigil.url, "/api/v1/push-subscriptions", {
      method: "POST",
      token: supervisorToken,
      body: { endpoint: "https://push.example.com/x", keys: { p256dh: "not base64!", auth: "abc" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(["keys.p256dh"]);
  });
});
