// A delivery's slot under the tenant's hourly SMS cap (workers/sms-rules.ts):
// taken before the provider is called and kept through a failed attempt, so
// the SMS that failed once is still sent on its retry, and the delivery that
// came after it is the one the cap skips.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ContactDto } from "../../server/contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

const CAP = 2;

let vigil: TestVigil;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
  // One job at a time: the failed SMS is waiting for its retry while the next deliveries ask for a slot.
  vigil = await startTestVigil({
    env: { ...fake.vigilEnv, SMS_TENANT_PER_HOUR: String(CAP), WORKER_CONCURRENCY: "1" },
  });
});

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

test("an SMS whose first attempt failed keeps its slot and is sent on retry; the cap skips the later one", async () => {
  const contacts = await Promise.all(
    [1, 2, 3].map(async (i) => {
      const { status, body } = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
        method: "POST",
        token: vigil.adminToken,
        body: { name: `Supervisor ${i}`, phone: `+44750000000${i}` },
      });
      expect(status).toBe(201);
      return body;
    }),
  );
  const policy = await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Three", tiers: [{ contactIds: contacts.map((c) => c.id), channels: ["sms"], delaySeconds: 0 }] },
  });
  expect(policy.status).toBe(201);

  fake.failNext("twilio", 1, 503);
  await raisePanic(vigil, "panic under a small SMS cap");
  const rows = await waitFor(
    async () => {
      const deliveries = await vigil.sql<{ status: string; attempts: number; error: string | null }[]>`
        select status::text, attempts, error from notification_deliveries where channel = 'sms'
        order by status, attempts`;
      return deliveries.length === 3 && deliveries.every((d) => d.status !== "queued") && deliveries;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: "the three SMS deliveries settled" },
  );

  expect(rows.map(({ status, attempts }) => ({ status, attempts }))).toEqual([
    { status: "sent", attempts: 1 },
    { status: "sent", attempts: 2 },
    { status: "skipped", attempts: 1 },
  ]);
  expect(rows[2]?.error).toBe(`tenant SMS limit reached (${CAP} an hour)`);
  const twilio = fake.requests.filter((r) => r.provider === "twilio");
  expect(twilio.map((r) => r.answer)).toEqual([503, 201, 201]);
});
