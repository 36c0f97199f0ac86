// Faults with Mosquitto between the devices and Vigil: the broker
// restarted 3 times during 10,000 QoS 1 telemetry messages and 500 panics,
// and the ingest process killed with SIGKILL mid-stream. The ingest role runs
// as its own child (it is what gets killed); web and worker as another.
// Phones keep unacknowledged QoS 1 messages and resend them after a
// reconnect, as the field devices do; Vigil's persistent session keeps what
// arrives while it is away. Counted in the database: every message once.
import type { MqttClient } from "mqtt";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, logIn, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { connectDevice, endQuietly } from "../../test/harness/mqtt-device";
import { createTestDatabase } from "../../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../../test/harness/vigil-process";
import { waitFor } from "../../test/harness/wait-for";

type Phone = { guard: GuardResponse; device: DeviceResponse; client: MqttClient };
type Message = { topic: string; payload: Record<string, unknown>; phone: Phone };

const PHONES = 20;

let mosquitto: Mosquitto | undefined;
let sql: Sql | undefined;
let env: Record<string, string>;
let web: VigilProcess | undefined;
let ingest: VigilProcess | undefined;
const phones: Phone[] = [];
let run = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  mosquitto = await startMosquitto();
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  env = { DATABASE_URL: databaseUrl, MQTT_URL: mosquitto.url };
  const started = await Promise.allSettled([
    spawnVigil({ instanceId: "faults-web", env: { ...env, VIGIL_ROLES: "web,worker" } }),
    spawnVigil({ instanceId: "faults-ingest", env: { ...env, VIGIL_ROLES: "ingest" } }),
  ]);
  if (started[0].status === "fulfilled") web = started[0].value;
  if (started[1].status === "fulfilled") ingest = started[1].value;
  for (const result of started) if (result.status === "rejected") throw result.reason;

  const token = await logIn(web!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (let i = 0; i < PHONES; i++) {
    const { guard, device } = await createGuardWithPhone(web!.url, token);
    // Reconnects on its own, same client id; unacknowledged QoS 1 publishes are resent.
    const client = await connectDevice(mosquitto.url, device.mqtt, { reconnectPeriod: 250 });
    phones.push({ guard, device, client });
  }
}, 120_000);

afterAll(async () => {
  await endQuietly(...phones.map((p) => p.client));
  await Promise.all([web?.dispose(), ingest?.dispose()]);
  await sql?.end({ timeout: 5 });
  await mosquitto?.dispose();
}, 30_000);

/** `telemetry` messages spread over the phones, with a panic from each phone in turn every `panicEvery`. */
function stream(telemetry: number, panicEvery: number): Message[] {
  run += 1;
  const messages: Message[] = [];
  for (let i = 0; i < telemetry; i++) {
    const phone = phones[i % PHONES]!;
    messages.push({
      phone,
      topic: `device/${phone.device.externalId}/telemetry`,
      payload: { battery: 50 + (i % 50), signal: -70, msg_id: `r${run}-t${i}`, timestamp: new Date().toISOString() },
    });
    if ((i + 1) % panicEvery === 0) {
      const panicker = phones[((i + 1) / panicEvery - 1) % PHONES]!;
      messages.push({
        phone: panicker,
        topic: `alert/panic/${panicker.guard.externalId}`,
        payload: {
          alert_type: "panic",
          severity: "critical",
          message: "Help",
          msg_id: `r${run}-p${i}`,
          timestamp: new Date().toISOString(),
        },
      });
    }
  }
  return messages;
}

/** Publishes QoS 1 at `perSecond`; resolves when every message has its PUBACK. */
async function publish(messages: Message[], perSecond: number, progress: { published: number }): Promise<void> {
  const startedAt = performance.now();
  const acknowledged: Promise<unknown>[] = [];
  for (const [i, { phone, topic, payload }] of messages.entries()) {
    const wait = startedAt + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    acknowledged.push(phone.client.publishAsync(topic, JSON.stringify(payload), { qos: 1 }));
    progress.published = i + 1;
  }
  await Promise.all(acknowledged);
}

/** Rows per msg_id of this run's telemetry, and the phones' panic alerts (one per phone, count = panics taken). */
async function counts(messages: Message[]) {
  const prefix = `r${run}-t`;
  const [telemetry] = await sql!<{ distinct: number; rows: number }[]>`
    select count(distinct msg_id)::int as distinct, count(*)::int as rows
    from device_telemetry where msg_id like ${prefix + "%"}`;
  const panicsSent = messages.filter((m) => m.topic.startsWith("alert/"));
  const guards = [...new Set(panicsSent.map((m) => m.phone.guard.id))];
  const alerts = await sql!<{ guard_id: string; count: number }[]>`
    select guard_id, count from alerts where type = 'panic' and guard_id = any(${guards})`;
  return { telemetry: telemetry!, alerts, panicsSent: panicsSent.length, guards: guards.length };
}

/** Checks every message of the stream was stored once; `before` is what the alerts counted before it. */
async function panicsCounted(): Promise<number> {
  const [row] = await sql!<{ n: number }[]>`select coalesce(sum(count), 0)::int as n from alerts where type = 'panic'`;
  return row!.n;
}

async function expectEachOnce(messages: Message[], before: number, timeoutMs: number) {
  const telemetrySent = messages.length - messages.filter((m) => m.topic.startsWith("alert/")).length;
  const result = await waitFor(
    async () => {
      const c = await counts(messages);
      const panicsCounted = c.alerts.reduce((sum, a) => sum + a.count, 0);
      return c.telemetry.distinct === telemetrySent && panicsCounted - before >= c.panicsSent && c;
    },
    { timeoutMs, intervalMs: 250, what: "every message stored" },
  ).catch(async (error: Error) => {
    const c = await counts(messages);
    throw new Error(`${error.message}; stored ${JSON.stringify({ ...c, alerts: c.alerts.length })}`, {
      cause: error,
    });
  });
  expect(result.telemetry.rows).toBe(telemetrySent);
  // One open alert per phone that panicked, counting each of its panics once.
  expect(result.alerts).toHaveLength(result.guards);
  expect(result.alerts.reduce((sum, a) => sum + a.count, 0) - before).toBe(result.panicsSent);
  return result;
}

test("Mosquitto restarted 3 times during 10,000 QoS 1 telemetry messages and 500 panics: none lost, no duplicate alert", async () => {
  const messages = stream(10_000, 20);
  expect(messages.length).toBe(10_500);
  const before = await panicsCounted();
  const progress = { published: 0 };
  const startedAt = performance.now();
  const publishing = publish(messages, 400, progress);
  const restarts: number[] = [];
  for (const share of [0.25, 0.5, 0.75]) {
    await waitFor(() => progress.published >= messages.length * share, {
      timeoutMs: 60_000,
      intervalMs: 10,
      what: `${share * 100}% of the stream`,
    });
    restarts.push(progress.published);
    await mosquitto!.restart();
  }
  await publishing;
  const acknowledgedAfterS = (performance.now() - startedAt) / 1000;
  await expectEachOnce(messages, before, 60_000);
  const storedAfterS = (performance.now() - startedAt) / 1000;
  // No library threw from a timer or an unheard "error" event meanwhile: such a
  // fault stops a process (server/stop-on-fatal-error.ts), and both still run.
  for (const process of [web!, ingest!]) {
    expect(process.running, process.output()).toBe(true);
    expect(process.output()).not.toContain("fatal error");
  }
  console.info(
    `mosquitto restarts: restarted after ${restarts.join(", ")} of ${messages.length} messages; ` +
      `all acknowledged to the phones after ${acknowledgedAfterS.toFixed(1)} s, all stored after ${storedAfterS.toFixed(1)} s; ` +
      `10,000 telemetry rows once each, 500 panics in ${PHONES} alerts (0 lost, 0 duplicate)`,
  );
}, 150_000);

test("the ingest process killed with SIGKILL mid-stream: after its restart every message is stored once", async () => {
  const messages = stream(3000, 20);
  const before = await panicsCounted();
  const progress = { published: 0 };
  const startedAt = performance.now();
  const publishing = publish(messages, 400, progress);
  await waitFor(() => progress.published >= messages.length / 3, { timeoutMs: 30_000, intervalMs: 10 });
  const killed = ingest!;
  await killed.kill("SIGKILL");
  const killedAt = progress.published;
  await killed.dispose({ keepDataDir: true });
  await sleep(1000);
  // Same instance id: it resumes its persistent session, which Mosquitto kept filling meanwhile.
  ingest = await spawnVigil({
    instanceId: killed.instanceId,
    dataDir: killed.dataDir,
    env: { ...env, VIGIL_ROLES: "ingest" },
  });
  const restartedAt = performance.now();
  await publishing;
  await expectEachOnce(messages, before, 60_000);
  console.info(
    `ingest SIGKILL: killed after ${killedAt} of ${messages.length} messages, back ${((restartedAt - startedAt) / 1000).toFixed(1)} s ` +
      `into the stream; all stored once ${((performance.now() - restartedAt) / 1000).toFixed(1)} s after its restart (0 lost)`,
  );
}, 120_000);
