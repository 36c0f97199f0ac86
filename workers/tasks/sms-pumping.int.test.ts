// SMS pumping: an admin (or whoever took over the account) adds 500 contacts
// with new numbers to the escalation policy and raises alerts. The tenant's
// SMS stop exactly at SMS_TENANT_PER_HOUR however many jobs run at once; the
// rest are recorded as skipped with the reason, and nothing else is sent to
// the provider.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ContactDto } from "../../server/contracts/notifications";
import { api } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

const CAP = 50;
const CONCURRENCY = 8;
const NUMBERS = 500;
const ALERTS = 2;

let vigil: TestVigil;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({
    env: { ...fake.vigilEnv, SMS_TENANT_PER_HOUR: String(CAP), WORKER_CONCURRENCY: String(CONCURRENCY) },
  });
});

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

test(
  `${NUMBERS} new numbers and ${ALERTS} alerts send exactly ${CAP} SMS with ${CONCURRENCY} jobs at once; the rest are skipped with the reason`,
  { timeout: 300_000 },
  async () => {
    const contacts: ContactDto[] = [];
    for (let batch = 0; batch < NUMBERS / 10; batch += 1) {
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api<ContactDto>(vigil.url, "/api/v1/contacts", {
            method: "POST",
            token: vigil.adminToken,
            body: { name: `Pump ${batch}-${i}`, phone: `+4475${String(batch * 10 + i).padStart(8, "0")}` },
          }),
        ),
      );
      for (const { status, body } of created) {
        expect(status).toBe(201);
        contacts.push(body);
      }
    }
    const policy = await api(vigil.url, "/api/v1/escalation-policies", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Pump", tiers: [{ contactIds: contacts.map((c) => c.id), channels: ["sms"], delaySeconds: 0 }] },
    });
    expect(policy.status).toBe(201);

    const started = Date.now();
    for (let i = 0; i < ALERTS; i += 1) await raisePanic(vigil, `pump ${i}`);
    const outcome = () => vigil.sql<{ status: string; error: string | null; n: number }[]>`
      select status::text, error, count(*)::int as n from notification_deliveries
      where channel = 'sms' group by 1, 2 order by 1, 2`;
    const rows = await waitFor(
      async () => {
        const counted = await outcome();
        const total = counted.reduce((sum, r) => sum + r.n, 0);
        return total === NUMBERS * ALERTS && counted.every((r) => r.status !== "queued") && counted;
      },
      { timeoutMs: 240_000, intervalMs: 500, what: "every SMS delivery sent or skipped" },
    );
    const count = (status: string) => rows.filter((r) => r.status === status).reduce((sum, r) => sum + r.n, 0);
    const smsSent = fake.requests.filter((r) => r.provider === "twilio").length;
    console.log(
      `SMS pumping: ${NUMBERS} numbers x ${ALERTS} alerts = ${NUMBERS * ALERTS} deliveries in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; ${count("sent")} sent (cap ${CAP}, ` +
        `${CONCURRENCY} concurrent jobs), ${count("skipped")} skipped, provider saw ${smsSent}`,
    );

    expect(count("sent")).toBe(CAP);
    expect(smsSent).toBe(count("sent"));
    expect(rows.filter((r) => r.status === "skipped")).toEqual([
      { status: "skipped", error: `tenant SMS limit reached (${CAP} an hour)`, n: NUMBERS * ALERTS - count("sent") },
    ]);
    expect(count("failed")).toBe(0);
  },
);
