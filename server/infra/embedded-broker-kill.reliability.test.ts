// Fault: the embedded broker (aedes, inside the Vigil process) dies
// with the process (SIGKILL) while guards' phones are sending panics. aedes
// keeps nothing across the crash: the phones, as the field app does (and
// `npm run simulate`), resend each panic under the same msg_id every 2 s
// until its receipt arrives. After the restart on the same data folder and
// port every panic is an alert, once, and every phone has its receipt.
import { randomBytes } from "node:crypto";
import getPort from "get-port";
import type { MqttClient } from "mqtt";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, logIn, type GuardResponse } from "../../test/harness/api-client";
import { connectDevice, endQuietly } from "../../test/harness/mqtt-device";
import { createTestDatabase } from "../../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../../test/harness/vigil-process";
import { waitFor } from "../../test/harness/wait-for";

type Phone = { guard: GuardResponse; client: MqttClient; panicsSent: number; receipt?: string };

const PHONES = 30;
const RESEND_MS = 2000;
/** The middle third's panics go out this far apart; the process dies as the last one leaves its phone. */
const BURST_GAP_MS = 10;

let sql: Sql | undefined;
let env: Record<string, string>;
let vigil: VigilProcess | undefined;
const phones: Phone[] = [];
let stopped = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  // No MQTT_URL: the embedded broker, on a port kept across the restart.
  env = { DATABASE_URL: databaseUrl, MQTT_PORT: String(await getPort({ host: "127.0.0.1" })) };
  vigil = await spawnVigil({ instanceId: "aedes-kill", env });
  const token = await logIn(vigil.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (let i = 0; i < PHONES; i++) {
    const { guard, device } = await createGuardWithPhone(vigil.url, token);
    const client = await connectDevice(`mqtt://127.0.0.1:${env.MQTT_PORT}`, device.mqtt, { reconnectPeriod: 250 });
    await client.subscribeAsync(`guard/${guard.externalId}/receipts`, { qos: 1 });
    phones.push({ guard, client, panicsSent: 0 });
  }
}, 120_000);

afterAll(async () => {
  stopped = true;
  await endQuietly(...phones.map((p) => p.client));
  await vigil?.dispose();
  await sql?.end({ timeout: 5 });
}, 30_000);

/** The phone's panic, resent under one msg_id every 2 s until its receipt arrives. */
async function panicUntilReceipt(phone: Phone): Promise<void> {
  const msgId = randomBytes(6).toString("hex");
  phone.client.on("message", (_topic, raw) => {
    const body = JSON.parse(raw.toString()) as { msg_id?: string; alert_id?: string };
    if (body.msg_id === msgId) phone.receipt = body.alert_id;
  });
  const payload = JSON.stringify({
    alert_type: "panic",
    severity: "critical",
    message: "Help",
    msg_id: msgId,
    timestamp: new Date().toISOString(),
  });
  while (!phone.receipt && !stopped) {
    phone.panicsSent += 1;
    // Not awaited: while the broker is gone the publish waits in the client's store.
    phone.client.publish(`alert/panic/${phone.guard.externalId}`, payload, { qos: 1 }, () => {});
    for (let waited = 0; waited < RESEND_MS && !phone.receipt && !stopped; waited += 50) await sleep(50);
  }
}

test("the Vigil process with its embedded broker killed with SIGKILL mid-panics: every panic is recovered through the phones' resends, once", async () => {
  const startedAt = performance.now();
  // A third of the phones panic 100 ms apart and have their receipts; a third panic 10 ms apart and the
  // process dies in the same tick as the last of them leaves its phone (the earlier ones stored or only
  // taken by aedes, the last one certainly without a receipt); a third panic while it is down.
  const panics: Promise<void>[] = [];
  const third = PHONES / 3;
  for (const phone of phones.slice(0, third)) {
    panics.push(panicUntilReceipt(phone));
    await sleep(100);
  }
  await waitFor(() => phones.slice(0, third).every((p) => p.receipt), { what: "the first receipts" });
  const burst = phones.slice(third, 2 * third);
  for (const [i, phone] of burst.entries()) {
    // The first publish happens synchronously inside the call, so the kill below follows the last one at once.
    panics.push(panicUntilReceipt(phone));
    if (i < burst.length - 1) await sleep(BURST_GAP_MS);
  }
  await vigil!.kill("SIGKILL");
  const [atKill] = await sql!<{ n: number }[]>`select count(*)::int as n from alerts where type = 'panic'`;
  const storedAtKill = atKill!.n;
  panics.push(...phones.slice(2 * third).map(panicUntilReceipt));
  const killed = vigil!;
  const receiptsBeforeKill = phones.filter((p) => p.receipt).length;
  await killed.dispose({ keepDataDir: true });
  vigil = await spawnVigil({ instanceId: killed.instanceId, dataDir: killed.dataDir, env });
  const restartedAt = performance.now();
  await waitFor(() => phones.every((p) => p.receipt), {
    timeoutMs: 60_000,
    intervalMs: 100,
    what: `every phone's receipt (${phones.filter((p) => p.receipt).length} of ${PHONES})`,
  });
  await Promise.all(panics);
  const allReceiptsS = (performance.now() - restartedAt) / 1000;

  // The kill landed mid-burst: some of the middle third's panics had no receipt when the broker died.
  expect(receiptsBeforeKill).toBeGreaterThanOrEqual(third);
  expect(receiptsBeforeKill).toBeLessThan(2 * third);

  const alerts = await sql!<{ id: string; guard_id: string; count: number }[]>`
    select id, guard_id, count from alerts where type = 'panic'`;
  expect(alerts.map((a) => a.guard_id).sort()).toEqual(phones.map((p) => p.guard.id).sort());
  // Resends of one msg_id are one panic.
  expect(alerts.filter((a) => a.count !== 1)).toEqual([]);
  const byGuard = new Map(alerts.map((a) => [a.guard_id, a.id]));
  expect(phones.filter((p) => p.receipt !== byGuard.get(p.guard.id))).toEqual([]);
  const sends = phones.map((p) => p.panicsSent);
  console.info(
    `embedded broker kill: SIGKILL as the last of ${2 * third} of ${PHONES} panics went out (${receiptsBeforeKill} receipted, ` +
      `${storedAtKill} stored by then; ${third} more sent while it was down); ` +
      `restarted in ${((restartedAt - startedAt) / 1000).toFixed(1)} s; every receipt ${allReceiptsS.toFixed(1)} s after the restart; ` +
      `${PHONES} alerts, each counted once; sends per panic max ${Math.max(...sends)}, ` +
      `${sends.reduce((a, b) => a + b, 0)} in all (0 lost, 0 duplicate)`,
  );
}, 120_000);
