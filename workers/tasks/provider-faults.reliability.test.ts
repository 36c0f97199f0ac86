// Faults: Twilio and Resend fail 30% of requests with 503 and never
// answer 10% (seeded, so a run can be replayed). Every (alert, recipient,
// channel) of 20 panics to 2 contacts is still delivered, once, well within
// 5 minutes; the delivery rows count the failed attempts and keep their
// errors. Backoffs and the provider timeout are shortened so the test is
// quick; the circuit breaker keeps its production timing (30 s open), so a
// run takes 15 s to 2 minutes depending on how often it opens.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ContactDto } from "../../server/contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders, type RecordedRequest } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

const PANICS = 20;
const CHANNELS = ["sms", "email"] as const;

let vigil: TestVigil;
let fake: FakeProviders;
const contacts: ContactDto[] = [];

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({
    env: {
      ...fake.vigilEnv,
      NOTIFICATION_PROVIDER_TIMEOUT_MS: "1000",
      NOTIFICATION_RETRY_BASE_MS: "250",
      NOTIFICATION_RETRY_MAX_MS: "2000",
      SMS_PER_NUMBER_PER_MINUTE: "1000",
    },
  });
  const post = <T>(route: string, body: unknown) =>
    api<T>(vigil.url, route, { method: "POST", token: vigil.adminToken, body });
  for (const [i, name] of ["Sam Supervisor", "Mia Manager"].entries()) {
    const { body } = await post<ContactDto>("/api/v1/contacts", {
      name,
      phone: `+91980000000${i + 1}`,
      email: `contact${i + 1}@vigil.test`,
    });
    contacts.push(body);
  }
  const policy = await post("/api/v1/escalation-policies", {
    name: "Everyone at once",
    tiers: [{ contactIds: contacts.map((c) => c.id), channels: [...CHANNELS], delaySeconds: 0 }],
  });
  expect(policy.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

type DeliveryRow = {
  alert_id: string;
  contact_id: string;
  channel: string;
  status: string;
  attempts: number;
  error: string | null;
  sent_at: Date | null;
};

/** Which alert and recipient a provider request was for (the alert id is in the link). */
function addressOf(request: RecordedRequest): string | null {
  const text = request.provider === "twilio" ? request.body.Body : request.body.text;
  const alertId = /\/m\/alerts\/([0-9a-f-]{36})/.exec(String(text))?.[1];
  const to = request.provider === "twilio" ? request.body.To : request.body.to;
  return alertId ? `${alertId} ${to} ${request.provider}` : null;
}

it("with 30% of provider requests answering 503 and 10% never answering, every (alert, recipient, channel) of 20 panics is delivered once", async () => {
  fake.chaos({ seed: 20261126, failRate: 0.3, hangRate: 0.1, status: 503 });
  const startedAt = performance.now();
  const alertIds: string[] = [];
  for (let i = 0; i < PANICS; i++) alertIds.push((await raisePanic(vigil, `Panic ${i + 1}`)).alert.id);
  const raisedAt = performance.now();

  const expected = PANICS * contacts.length * CHANNELS.length;
  const rows = await waitFor(
    async () => {
      const rows = await vigil.sql<DeliveryRow[]>`
        select alert_id, contact_id, channel, status, attempts, error, sent_at from notification_deliveries
        where alert_id = any(${alertIds})`;
      return rows.length === expected && rows.every((r) => r.status === "sent") && rows;
    },
    { timeoutMs: 300_000, intervalMs: 250, what: `all ${expected} deliveries sent` },
  );
  const allDeliveredS = (performance.now() - startedAt) / 1000;
  fake.chaos(null);

  // One row per (alert, contact, channel), each sent.
  expect(new Set(rows.map((r) => `${r.alert_id} ${r.contact_id} ${r.channel}`)).size).toBe(expected);
  // Each provider request is an attempt on its row; the failed ones left their error.
  const mine = fake.requests.filter((r) => {
    const address = addressOf(r);
    return address !== null && alertIds.some((id) => address.startsWith(id));
  });
  expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(mine.length);
  const retried = rows.filter((r) => r.attempts > 1);
  expect(retried.length).toBeGreaterThan(0);
  // (A delivery held back while the breaker was open says so instead: no request was made then.)
  for (const row of retried)
    expect(row.error).toMatch(
      /provider unavailable|timeout of 1000ms|no answer within 1000 ms|circuit breaker is open/,
    );
  const breakerHeld = rows.filter((r) => r.error?.includes("circuit breaker is open")).length;
  for (const row of rows.filter((r) => r.attempts === 1))
    expect(row.error ?? "").not.toMatch(/unavailable|timeout|no answer/);

  // No (alert, recipient, channel) was answered as sent twice.
  const successes = new Map<string, number>();
  for (const r of mine.filter((r) => r.answer === 201 || r.answer === 200)) {
    successes.set(addressOf(r)!, (successes.get(addressOf(r)!) ?? 0) + 1);
  }
  expect(successes.size).toBe(expected);
  expect([...successes].filter(([, n]) => n > 1)).toEqual([]);

  // A request that got no answer may still have been delivered by a real provider: count the
  // deliveries sent again after one (Resend dedupes those by the Idempotency-Key; Twilio cannot).
  const unanswered = mine.filter((r) => r.answer === "no answer");
  const resentAfterTimeout = new Set(unanswered.map(addressOf));
  const failed503 = mine.filter((r) => r.answer === 503).length;
  const attempts = rows.map((r) => r.attempts);
  console.info(
    `provider faults: ${PANICS} panics raised in ${((raisedAt - startedAt) / 1000).toFixed(1)} s; all ${expected} deliveries ` +
      `sent ${allDeliveredS.toFixed(1)} s after the first panic; ${mine.length} provider requests ` +
      `(${failed503} answered 503, ${unanswered.length} unanswered); attempts per delivery max ${Math.max(...attempts)}, ` +
      `${retried.length} of ${expected} needed more than one, ${breakerHeld} last held back by an open breaker; ${resentAfterTimeout.size} deliveries sent again after an unanswered request; ` +
      `0 sent twice`,
  );
}, 330_000);
