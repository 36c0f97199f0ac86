// After an uncaught exception or an unhandled rejection a Vigil process stops
// and exits with 1 (stop-on-fatal-error.ts), and loses nothing: the ingest
// process dies this way twice in the middle of a QoS 1 stream through
// Mosquitto, each time restarted on its persistent session, and every fix
// the broker acknowledged to a phone is stored exactly once. The processes
// run the bundled server (dist/server.mjs), as production does.
import path from "node:path";
import type { MqttClient } from "mqtt";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, logIn, type GuardResponse } from "../test/harness/api-client";
import { publishFixes, storedCounts } from "../test/harness/gps-stream";
import { startMosquitto, type Mosquitto } from "../test/harness/mosquitto";
import { connectDevice, endQuietly, gpsFix } from "../test/harness/mqtt-device";
import { createTestDatabase } from "../test/harness/test-database";
import { ADMIN_EMAIL, ADMIN_PASSWORD, projectDir } from "../test/harness/vigil";
import { spawnVigil, type VigilProcess } from "../test/harness/vigil-process";
import { waitFor } from "../test/harness/wait-for";

const FIXES = 3000;
const PER_SECOND = 300;

let mosquitto: Mosquitto | undefined;
let sql: Sql | undefined;
let env: Record<string, string>;
let web: VigilProcess | undefined;
let ingest: VigilProcess | undefined;
const phones: { guard: GuardResponse; client: MqttClient }[] = [];

beforeAll(async () => {
  mosquitto = await startMosquitto();
  const databaseUrl = await createTestDatabase();
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  env = { DATABASE_URL: databaseUrl, MQTT_URL: mosquitto.url };
  web = await spawnVigil({ instanceId: "fatal-web", bundle: true, env: { ...env, VIGIL_ROLES: "web,worker" } });
  const token = await logIn(web.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  for (let i = 0; i < 3; i++) {
    const { guard, device } = await createGuardWithPhone(web.url, token);
    phones.push({ guard, client: await connectDevice(mosquitto.url, device.mqtt) });
  }
}, 120_000);

afterAll(async () => {
  await endQuietly(...phones.map((p) => p.client));
  await Promise.all([web?.dispose(), ingest?.dispose()]);
  await sql?.end({ timeout: 5 });
  await mosquitto?.dispose();
}, 60_000);

/** The ingest role, with the fault injector preloaded: SIGUSR2 makes the named fault happen. */
function startIngest(fault: "exception" | "rejection" | "none", previous?: VigilProcess) {
  return spawnVigil({
    instanceId: "fatal-ingest",
    dataDir: previous?.dataDir,
    bundle: true,
    env: {
      ...env,
      VIGIL_ROLES: "ingest",
      INJECTED_FAULT: fault,
      NODE_OPTIONS: `--import ${path.join(projectDir, "test/harness/inject-fault.mjs")}`,
    },
  });
}

test("an ingest process that dies of an uncaught exception, then of an unhandled rejection, mid-stream loses no acknowledged fix", async () => {
  const fixes = Array.from({ length: FIXES }, (_, seq) => gpsFix({ seq }));
  const progress = { published: 0 };
  ingest = await startIngest("exception");
  const publishing = publishFixes(phones, fixes, { perSecond: PER_SECOND, progress });

  const deaths: { fault: string; afterPublished: number; exitCode: number | null; output: string }[] = [];
  for (const [fault, next, at] of [
    ["exception", "rejection", FIXES / 4],
    ["rejection", "none", FIXES / 2],
  ] as const) {
    await waitFor(() => progress.published >= at, { timeoutMs: 30_000, intervalMs: 10, what: `${at} fixes published` });
    const dying = ingest;
    await dying.kill("SIGUSR2"); // resolves when the process has exited by itself
    deaths.push({ fault, afterPublished: progress.published, exitCode: dying.exitCode, output: dying.output() });
    await dying.dispose({ keepDataDir: true });
    ingest = await startIngest(next, dying);
  }
  await publishing; // every PUBACK from Mosquitto to the phones

  for (const death of deaths) {
    expect(death.exitCode, death.output).toBe(1);
    expect(death.output).toContain("fatal error: stopping the process");
    expect(death.output).toContain(death.fault === "exception" ? "uncaught exception" : "unhandled rejection");
  }
  // Really mid-stream: fixes were stored before the first death and published after the last.
  expect(deaths[0]!.afterPublished).toBeLessThan(FIXES);
  expect(deaths[1]!.afterPublished).toBeLessThan(FIXES);

  const counts = await waitFor(
    async () => {
      const found = await storedCounts(sql!, fixes);
      return found.size === FIXES && found;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: `all ${FIXES} fixes stored` },
  );
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
}, 180_000);
