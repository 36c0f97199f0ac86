// Scale-out: two web+ingest processes and one worker process, as
// separate children, against one Mosquitto (MQTT v5 shared subscription) and
// one PostgreSQL, realtime shared through @socket.io/postgres-adapter. Every
// message is stored once whichever process takes it, a browser on each web
// process hears every alert and every worker broadcast, and a process killed
// with SIGKILL loses nothing.
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { socketEvents, type AlertDto, type CommandChangeDto } from "./contracts/socket-events";
import { api, createGuardWithPhone, logIn, uniqueId } from "../test/harness/api-client";
import { publishFixes, storedCounts, type Phone } from "../test/harness/gps-stream";
import { collect, connectSocket, type LiveSocket } from "../test/harness/live-socket";
import { readMetric } from "../test/harness/metrics";
import { startMosquitto, type Mosquitto } from "../test/harness/mosquitto";
import { connectDevice, endQuietly, gpsFix, publishJson, type GpsFix } from "../test/harness/mqtt-device";
import { createTestDatabase } from "../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../test/harness/vigil-process";
import { waitFor } from "../test/harness/wait-for";

let mosquitto: Mosquitto | undefined;
let sql: Sql | undefined;
let env: Record<string, string>;
let webA: VigilProcess | undefined;
let webB: VigilProcess | undefined;
let worker: VigilProcess | undefined;
let token: string;
const phones: Phone[] = [];
const sockets: LiveSocket[] = [];
let alertsSeen: { a: AlertDto[][]; b: AlertDto[][] };

beforeAll(async () => {
  mosquitto = await startMosquitto();
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  env = { DATABASE_URL: databaseUrl, MQTT_URL: mosquitto.url, MQTT_SHARED_SUBSCRIPTION: "vigil" };
  const started = await Promise.allSettled([
    spawnVigil({ instanceId: "scale-a", env: { ...env, VIGIL_ROLES: "web,ingest" } }),
    spawnVigil({ instanceId: "scale-b", env: { ...env, VIGIL_ROLES: "web,ingest" } }),
    spawnVigil({ instanceId: "scale-worker", env: { ...env, VIGIL_ROLES: "worker" } }),
  ]);
  [webA, webB, worker] = started.map((s) => (s.status === "fulfilled" ? s.value : undefined));
  for (const result of started) if (result.status === "rejected") throw result.reason;

  token = await logIn(webA!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (let i = 0; i < 8; i++) {
    const { guard, device } = await createGuardWithPhone(webA!.url, token);
    phones.push({ guard, client: await connectDevice(mosquitto.url, device.mqtt) });
  }
  const [socketA, socketB] = await Promise.all([connectSocket(webA!.url, token), connectSocket(webB!.url, token)]);
  sockets.push(socketA!, socketB!);
  alertsSeen = { a: collect(socketA!, socketEvents.alertsChanged), b: collect(socketB!, socketEvents.alertsChanged) };
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await endQuietly(...phones.map((p) => p.client));
  await Promise.all([webA?.dispose(), webB?.dispose(), worker?.dispose()]);
  await sql?.end({ timeout: 5 });
  await mosquitto?.dispose();
}, 30_000);

const accepted = (vigil: VigilProcess) =>
  readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "guard", result: "accepted" });
const alertsRaised = (vigil: VigilProcess) =>
  readMetric(vigil.url, "vigil_alerts_raised_total", { severity: "critical" });

async function expectEachStoredOnce(fixes: GpsFix[], timeoutMs = 20_000): Promise<void> {
  const counts = () => storedCounts(sql!, fixes);
  const stored = await waitFor(async () => ((await counts()).size === fixes.length ? counts() : false), {
    timeoutMs,
    intervalMs: 200,
    what: `all ${fixes.length} fixes stored`,
  });
  expect([...stored].filter(([, n]) => n !== 1)).toEqual([]);
}

/** One alarm per phone, one after another (the shared subscription deals them out in turn). */
async function raiseAlarms(type: string): Promise<string[]> {
  for (const { guard, client } of phones) {
    await publishJson(client, `alert/${type}/${guard.externalId}`, {
      alert_type: type,
      message: `${type} from ${guard.name}`,
      location: { lat: 48.85, lon: 2.35 },
      timestamp: new Date().toISOString(),
      msg_id: uniqueId(type),
    });
  }
  return phones.map((p) => p.guard.externalId);
}

/** Waits until a browser has heard an alert of `type` from each of the guards. */
async function expectAlertsHeard(seen: AlertDto[][], type: string, guards: string[], where: string): Promise<void> {
  await waitFor(
    () => {
      const heard = new Set(
        seen
          .flat()
          .filter((a) => a.type === type)
          .map((a) => a.sourceExternalId),
      );
      return guards.every((g) => heard.has(g));
    },
    { timeoutMs: 15_000, what: `the browser on ${where} to hear every ${type} alert` },
  );
}

test("fixes and alarms taken by either ingest process are stored once, and browsers on both web processes hear every alert", async () => {
  const a = webA!;
  const b = webB!;
  // Both subscriptions are in the group once each process has taken a fix.
  const warmUp: GpsFix[] = [];
  await waitFor(
    async () => {
      const fix = gpsFix();
      warmUp.push(fix);
      await publishFixes(phones, [fix]);
      return (await accepted(a)) > 0 && (await accepted(b)) > 0;
    },
    { timeoutMs: 15_000, what: "both processes to take messages from the shared subscription" },
  );

  const fixes = Array.from({ length: 800 }, (_, seq) => gpsFix({ seq }));
  const [, guards] = await Promise.all([publishFixes(phones, fixes), raiseAlarms("panic")]);
  await expectEachStoredOnce([...warmUp, ...fixes]);

  await expectAlertsHeard(alertsSeen.a, "panic", guards, a.instanceId);
  await expectAlertsHeard(alertsSeen.b, "panic", guards, b.instanceId);
  // Each process raised some: each browser heard alerts raised by the other process.
  const raised = { a: await alertsRaised(a), b: await alertsRaised(b) };
  expect(raised.a + raised.b).toBe(guards.length);
  expect(raised.a).toBeGreaterThan(0);
  expect(raised.b).toBeGreaterThan(0);
  const [rows] = await sql!<{ n: number }[]>`select count(*)::int as n from alerts where type = 'panic'`;
  expect(rows!.n).toBe(guards.length);
  console.info(`scale-out: ${a.instanceId} raised ${raised.a} alerts, ${b.instanceId} raised ${raised.b}`);
}, 45_000);

test("a command sent through one web process is published by the worker process, and browsers on both web processes see it sent", async () => {
  const gateway = uniqueId("gw");
  const created = await api(webB!.url, "/api/v1/devices", {
    method: "POST",
    token,
    body: { externalId: gateway, kind: "gateway" },
  });
  expect(created.status).toBe(201);
  const changes = sockets.map((socket) => collect(socket, socketEvents.commandsChanged));
  const sent = await api<{ id: string }>(webB!.url, `/api/v1/devices/${gateway}/commands`, {
    method: "POST",
    token,
    body: { type: "ping", ttlSeconds: 60 },
  });
  expect(sent.status).toBe(201);
  const isSent = (c: CommandChangeDto) => c.commandId === sent.body.id && c.status === "sent";
  for (const [i, seen] of changes.entries()) {
    await waitFor(() => seen.flat().some(isSent), { what: `the browser on web process ${i + 1} to see it sent` });
  }
});

test("SIGKILL of one web+ingest process loses nothing: the survivor goes on and adopts the killed one's session, the restarted one takes it back, and its alerts still reach the surviving browser", async () => {
  const survivor = webA!;
  const killed = webB!;
  const fixes = Array.from({ length: 600 }, (_, seq) => gpsFix({ seq }));
  const progress = { published: 0 };
  const publishing = publishFixes(phones, fixes, { perSecond: 300, progress });
  await waitFor(() => progress.published >= 200, { timeoutMs: 10_000, intervalMs: 5, what: "the stream" });
  await killed.kill("SIGKILL");
  const publishedAtKill = progress.published;
  await killed.dispose({ keepDataDir: true });
  // Alarms after the kill: the survivor's share is raised at once.
  const [, guards] = await Promise.all([publishing, raiseAlarms("man-down")]);
  const survivorRaised = await waitFor(
    async () => {
      const n = alertsSeen.a.flat().filter((x) => x.type === "man-down").length;
      return n > 0 && n;
    },
    { timeoutMs: 10_000, what: `${survivor.instanceId} to raise its share of the alarms` },
  );

  // Mosquitto keeps routing the killed process's share to its persistent
  // session, which the survivor adopts on its will; the process comes back
  // (ingest only, quicker than Next.js) under the same instance id and takes it back.
  webB = await spawnVigil({
    instanceId: killed.instanceId,
    dataDir: killed.dataDir,
    env: { ...env, VIGIL_ROLES: "ingest" },
  });
  await expectEachStoredOnce(fixes);
  // Raised by an ingest-only process, relayed through PostgreSQL to the browser on the survivor.
  await expectAlertsHeard(alertsSeen.a, "man-down", guards, survivor.instanceId);
  const [rows] = await sql!<{ n: number }[]>`select count(*)::int as n from alerts where type = 'man-down'`;
  expect(rows!.n).toBe(guards.length);
  console.info(
    `scale-out: SIGKILL after ${publishedAtKill} of ${fixes.length} fixes; ${survivorRaised} of ${guards.length} alarms heard ` +
      `before the restart, all ${fixes.length} fixes and ${guards.length} alarms once after it`,
  );
}, 60_000);
