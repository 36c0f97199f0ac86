// A panic reaches the supervisor by SMS (real twilio SDK) and email (real
// resend SDK) against a local fake of both APIs; escalation, dedupe and
// retries behave as a NOC relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../../server/contracts/alert-api";
import type { ContactDto } from "../../server/contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let supervisor: ContactDto;
let manager: ContactDto;

async function post<T>(route: string, body?: unknown) {
  return api<T>(vigil.url, route, { method: "POST", token: vigil.adminToken, body });
}

const panic = () => raisePanic(vigil, "Emergency assistance needed");

const smsTo = (phone: string) => fake.requests.filter((r) => r.provider === "twilio" && r.body.To === phone);

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({
    env: {
      ...fake.vigilEnv,
      PUBLIC_URL: "https://noc.vigil.test",
    },
  });
  supervisor = (
    await post<ContactDto>("/api/v1/contacts", {
      name: "Sam Supervisor",
      phone: "+919800000001",
      email: "sam@vigil.test",
    })
  ).body;
  manager = (await post<ContactDto>("/api/v1/contacts", { name: "Mia Manager", phone: "+919800000002" })).body;
  const policy = await post("/api/v1/escalation-policies", {
    name: "Default",
    tiers: [
      { contactIds: [supervisor.id], channels: ["sms", "email"], delaySeconds: 0 },
      { contactIds: [manager.id], channels: ["sms"], delaySeconds: 3 },
    ],
  });
  expect(policy.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

/** notify_alert jobs of an alert still queued, other than its escalation (key escalate:<id>). */
const notifyJobsOf = (alertId: string) =>
  vigil.sql<{ key: string | null }[]>`
    select j.key from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'notify_alert' and j.payload->>'alertId' = ${alertId}
      and j.key is distinct from ${`escalate:${alertId}`}`;

const escalationJobsOf = (alertId: string) =>
  vigil.sql<{ key: string }[]>`select key from graphile_worker._private_jobs where key = ${`escalate:${alertId}`}`;

describe("panic notifications", () => {
  it("a panic sends the supervisor one SMS and one email with the alert's link, and a repeat sends nothing more", async () => {
    const { alert, resend } = await panic();
    await waitFor(() => smsTo(supervisor.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId)), {
      timeoutMs: 10_000,
      what: "the SMS",
    });
    const sms = smsTo(supervisor.phone!).filter((r) => r.body.Body?.includes(alert.sourceExternalId));
    expect(sms[0]!.body.From).toBe("+15550001111");
    expect(sms[0]!.body.Body).toMatch(
      /^🚨 PANIC: .* at 12\.97160°N, 77\.59460°E\. .*Acknowledge: https:\/\/noc\.vigil\.test\/m\/alerts\//,
    );
    expect(sms[0]!.body.Body).toContain(`/m/alerts/${alert.id}?t=`);
    const email = await waitFor(() =>
      fake.requests.find((r) => r.provider === "resend" && String(r.body.text).includes(alert.id)),
    );
    expect(email.body).toMatchObject({ to: "sam@vigil.test", from: "Vigil <noc@vigil.test>" });
    expect(email.body.subject).toBe(`[CRITICAL] panic from ${alert.sourceName}`);
    const { body: detail } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, {
      token: vigil.adminToken,
    });
    const emailDelivery = detail.deliveries.find((d) => d.channel === "email");
    expect(email.headers["idempotency-key"]).toBe(emailDelivery!.id);

    await resend();
    await waitFor(async () => {
      const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
      return body.count === 2;
    });
    // The repeat was committed with no notification job of its own: no second round is coming, and the
    // alert's deliveries are still the first round's two.
    expect(await notifyJobsOf(alert.id)).toEqual([]);
    const { body: repeated } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, {
      token: vigil.adminToken,
    });
    expect(repeated.deliveries.map((d) => [d.tier, d.channel]).sort()).toEqual([
      [0, "email"],
      [0, "sms"],
    ]);
    await post(`/api/v1/alerts/${alert.id}/acknowledge`);
    expect(smsTo(supervisor.phone!).filter((r) => r.body.Body?.includes(alert.sourceExternalId))).toHaveLength(1);
  }, 30_000);

  it("escalates to the second tier after its delay when nobody acknowledges", async () => {
    const { alert } = await panic();
    const escalated = await waitFor(
      () => smsTo(manager.phone!).find((r) => r.body.Body?.includes(alert.sourceExternalId)),
      {
        timeoutMs: 15_000,
        what: "tier 2 SMS",
      },
    );
    expect(escalated.body.Body).toContain(`/m/alerts/${alert.id}?t=`);
    // The provider has the request before the delivery row records its answer: wait for the ledger to say so.
    const body = await waitFor(async () => {
      const answer = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
      return answer.body.deliveries.every((d) => d.status !== "queued") && answer.body;
    });
    expect(body.deliveries.map((d) => [d.tier, d.channel, d.status]).sort()).toEqual(
      [
        [0, "email", "sent"],
        [0, "sms", "sent"],
        [1, "sms", "sent"],
      ].sort(),
    );
  }, 30_000);

  it("acknowledging before the delay cancels the escalation", async () => {
    const { alert } = await panic();
    await waitFor(() => smsTo(supervisor.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId)));
    expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`)).status).toBe(200);
    // The acknowledgement removed the tier-2 job in its own transaction (a job already running finds the
    // alert acknowledged and notifies nobody): nothing is left to reach the manager.
    expect(await escalationJobsOf(alert.id)).toEqual([]);
    const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
    expect(body.deliveries.filter((d) => d.tier > 0)).toEqual([]);
    expect(smsTo(manager.phone!).some((r) => r.body.Body?.includes(alert.sourceExternalId))).toBe(false);
  }, 30_000);

  it("a provider answering 500 is retried and the delivery row counts the attempts", async () => {
    fake.failNext("twilio", 1, 500);
    const { alert } = await panic();
    const delivery = await waitFor(
      async () => {
        const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, {
          token: vigil.adminToken,
        });
        return body.deliveries.find((d) => d.channel === "sms" && d.tier === 0 && d.status === "sent");
      },
      { timeoutMs: 20_000, intervalMs: 250, what: "the retried SMS" },
    );
    expect(delivery.attempts).toBe(2);
    expect(smsTo(supervisor.phone!).filter((r) => r.body.Body?.includes(alert.sourceExternalId))).toHaveLength(2);
    await post(`/api/v1/alerts/${alert.id}/acknowledge`);
  }, 30_000);
});
