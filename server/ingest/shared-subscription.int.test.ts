// Scale-out (design section 1): two ingest processes split one QoS 1 stream
// through an MQTT v5 shared subscription ($share/vigil/...) on Mosquitto,
// against one database. Whichever process takes a message, it is stored once;
// a process killed mid-stream loses nothing (the survivor adopts its session). Two Vigils cannot share a test
// process (runtime and metrics are per-process singletons): both are children.
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, logIn } from "../../test/harness/api-client";
import { publishFixes, storedCounts, type Phone } from "../../test/harness/gps-stream";
import { readMetric } from "../../test/harness/metrics";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { connectDevice, endQuietly, gpsFix, type GpsFix } from "../../test/harness/mqtt-device";
import { createTestDatabase } from "../../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../../test/harness/vigil-process";
import { waitFor } from "../../test/harness/wait-for";

let mosquitto: Mosquitto | undefined;
let sql: Sql | undefined;
let env: Record<string, string>;
let ingestA: VigilProcess | undefined;
let ingestB: VigilProcess | undefined;
const phones: Phone[] = [];

beforeAll(async () => {
  mosquitto = await startMosquitto();
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  env = {
    DATABASE_URL: databaseUrl,
    MQTT_URL: mosquitto.url,
    MQTT_SHARED_SUBSCRIPTION: "vigil",
    VIGIL_ROLES: "web,ingest",
  };
  // Started together, as a deployment starts its replicas.
  const [a, b] = await Promise.allSettled([
    spawnVigil({ instanceId: "ingest-a", env }),
    spawnVigil({ instanceId: "ingest-b", env }),
  ]);
  if (a.status === "fulfilled") ingestA = a.value;
  if (b.status === "fulfilled") ingestB = b.value;
  for (const result of [a, b]) if (result.status === "rejected") throw result.reason;

  const token = await logIn(ingestA!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (let i = 0; i < 4; i++) {
    const { guard, device } = await createGuardWithPhone(ingestA!.url, token);
    phones.push({ guard, client: await connectDevice(mosquitto.url, device.mqtt) });
  }
}, 90_000);

afterAll(async () => {
  await endQuietly(...phones.map((p) => p.client));
  await Promise.all([ingestA?.dispose(), ingestB?.dispose()]);
  await sql?.end({ timeout: 5 });
  await mosquitto?.dispose();
}, 30_000);

const accepted = (vigil: VigilProcess) =>
  readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "guard", result: "accepted" });

async function expectEachStoredOnce(fixes: GpsFix[]): Promise<void> {
  const counts = await storedCounts(sql!, fixes);
  expect(fixes.filter((f) => !counts.has(f.msg_id!)).map((f) => f.msg_id)).toEqual([]);
  expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
}

const makeFixes = (count: number) => Array.from({ length: count }, (_, seq) => gpsFix({ seq }));

test("two ingest processes split a QoS 1 stream of 2,000 fixes: each stored exactly once, both take a share", async () => {
  const a = ingestA!;
  const b = ingestB!;
  // Both subscriptions are in the group: keep publishing single fixes until each process has taken one.
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
  // Counted from here, once every warm-up fix is committed and counted.
  const [aBefore, bBefore] = await waitFor(
    async () => {
      const counts = await Promise.all([accepted(a), accepted(b)]);
      return counts[0] + counts[1] === warmUp.length && counts;
    },
    { what: "the warm-up fixes to be committed" },
  );

  const fixes = makeFixes(2000);
  const startedAt = performance.now();
  await publishFixes(phones, fixes);
  await waitFor(async () => (await storedCounts(sql!, fixes)).size === fixes.length, {
    timeoutMs: 20_000,
    intervalMs: 100,
    what: "all 2,000 fixes stored",
  });
  const elapsedMs = performance.now() - startedAt;
  await expectEachStoredOnce(fixes);

  const shares = await waitFor(
    async () => {
      const [aAfter, bAfter] = await Promise.all([accepted(a), accepted(b)]);
      return aAfter - aBefore + bAfter - bBefore === fixes.length && { a: aAfter - aBefore, b: bAfter - bBefore };
    },
    { what: "both processes' counters to add up to the stream" },
  );
  console.info(
    `shared subscription: 2,000 fixes stored in ${(elapsedMs / 1000).toFixed(2)} s; ` +
      `${a.instanceId} accepted ${shares.a}, ${b.instanceId} accepted ${shares.b}`,
  );
  expect(shares.a).toBeGreaterThan(0);
  expect(shares.b).toBeGreaterThan(0);
}, 40_000);

test("an ingest process killed mid-stream loses nothing: the survivor adopts its session and stores its share, each fix once; the process restarted takes its session back", async () => {
  const a = ingestA!;
  const killed = ingestB!;
  const fixes = makeFixes(1000);
  const progress = { published: 0 };
  const publishing = publishFixes(phones, fixes, { perSecond: 250, progress });

  await waitFor(() => progress.published >= 300, { timeoutMs: 10_000, intervalMs: 5, what: "the stream" });
  await killed.kill("SIGKILL");
  const killedAt = performance.now();
  const publishedAtKill = progress.published;
  await killed.dispose({ keepDataDir: true }); // its folder is the restarted process's
  await publishing;

  // Mosquitto keeps routing the killed process's share to its persistent
  // session; its will, 2 s later, makes the survivor take that session over.
  await waitFor(async () => (await storedCounts(sql!, fixes)).size === fixes.length, {
    timeoutMs: 20_000,
    intervalMs: 100,
    what: "all 1,000 fixes stored by the survivor",
  });
  const takeOverMs = performance.now() - killedAt;
  await expectEachStoredOnce(fixes);

  // Back under the same VIGIL_INSTANCE_ID (ingest role only, which starts
  // faster than Next.js), it takes its session back and its share again.
  ingestB = await spawnVigil({
    instanceId: killed.instanceId,
    dataDir: killed.dataDir,
    env: { ...env, VIGIL_ROLES: "ingest" },
  });
  // It has no /metrics (no web role): its share is what the survivor did not take.
  const aBefore = await accepted(a);
  const after = makeFixes(200);
  await publishFixes(phones, after, { perSecond: 200 });
  await waitFor(async () => (await storedCounts(sql!, after)).size === after.length, {
    timeoutMs: 20_000,
    intervalMs: 100,
    what: "the fixes sent after the restart",
  });
  await expectEachStoredOnce(after);
  const aShare = (await accepted(a)) - aBefore;
  expect(aShare).toBeLessThan(after.length);

  console.info(
    `SIGKILL of ${killed.instanceId} after ${publishedAtKill} of ${fixes.length} fixes: ` +
      `${a.instanceId} adopted its session and every fix was stored ${(takeOverMs / 1000).toFixed(1)} s after the kill, ` +
      `each once; restarted, ${killed.instanceId} took ${after.length - aShare} of the next ${after.length}`,
  );
}, 60_000);

test("an ingest process stopped cleanly hands its session to the survivor: the fixes of its share published while it is down are stored", async () => {
  const a = ingestA!;
  const stopped = ingestB!;
  await stopped.kill("SIGTERM");
  await stopped.dispose();
  const fixes = makeFixes(200);
  await publishFixes(phones, fixes, { perSecond: 200 });
  await waitFor(async () => (await storedCounts(sql!, fixes)).size === fixes.length, {
    timeoutMs: 20_000,
    intervalMs: 100,
    what: `all 200 fixes stored by ${a.instanceId}`,
  });
  await expectEachStoredOnce(fixes);
}, 40_000);
