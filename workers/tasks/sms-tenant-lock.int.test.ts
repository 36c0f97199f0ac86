// The SMS slots of a tenant are taken under that tenant's advisory lock
// (workers/sms-rules.ts): while something holds tenant A's lock, A's SMS wait
// for it and tenant B's SMS go out as usual.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ContactDto } from "../../server/contracts/notifications";
import { api, logIn } from "../../test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { raisePanic } from "../../test/harness/panic";
import { createTenant } from "../../test/harness/tenants";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { smsSlotLockKey } from "../sms-rules";

let vigil: TestVigil;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: { ...fake.vigilEnv, WORKER_CONCURRENCY: "4" } });
});

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

/** A contact with the phone, told by SMS of every alert of the admin's tenant. */
async function smsPolicy(token: string, phone: string): Promise<void> {
  const contact = await api<ContactDto>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token,
    body: { name: `Supervisor ${phone}`, phone },
  });
  expect(contact.status).toBe(201);
  const policy = await api(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token,
    body: { name: "SMS", tiers: [{ contactIds: [contact.body.id], channels: ["sms"], delaySeconds: 0 }] },
  });
  expect(policy.status).toBe(201);
}

const smsTo = (phone: string) => fake.requests.filter((r) => r.provider === "twilio" && r.body.To === phone);

test("while tenant A's SMS lock is held, A's SMS waits for it and tenant B's SMS is sent", async () => {
  const [tenantA] = await vigil.sql<{ id: string }[]>`select tenant_id as id from users limit 1`;
  const other = await createTenant(vigil.sql, { name: "Tenant B" });
  const tokenB = await logIn(vigil.url, other);
  await smsPolicy(vigil.adminToken, "+447700900001");
  await smsPolicy(tokenB, "+447700900002");

  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let lockHeld!: () => void;
  const held = new Promise<void>((resolve) => (lockHeld = resolve));
  const holder = vigil.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${smsSlotLockKey(tenantA!.id)}))`;
    lockHeld();
    await released;
  });
  await held;

  await raisePanic(vigil, "panic in tenant A");
  await raisePanic({ ...vigil, adminToken: tokenB }, "panic in tenant B");
  await waitFor(() => smsTo("+447700900002").length === 1, { timeoutMs: 10_000, what: "tenant B's SMS" });
  // A's delivery job is running and waits for the lock (a waiter on an advisory lock in this test's
  // database, not the cluster's other files'): nothing sent for A while it waits.
  await waitFor(
    async () => {
      const [waiting] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted
          and database = (select oid from pg_database where datname = current_database())`;
      return waiting!.n === 1;
    },
    { timeoutMs: 10_000, what: "tenant A's delivery waiting for its lock" },
  );
  expect(smsTo("+447700900001")).toHaveLength(0);

  release();
  await holder;
  await waitFor(() => smsTo("+447700900001").length === 1, { timeoutMs: 10_000, what: "tenant A's SMS" });
});
