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
  ingest = await startIngest("exception");

  // Three parts of the stream: the process dies in the middle of the first and of the second (the rest of that
  // part waits in its persistent session), and is back before the next part starts, however long a start takes.
  const part = FIXES / 3;
  const deaths: { fault: string; afterPublished: number; exitCode: number | null; output: string }[] = [];
  for (const [i, [fault, next]] of (
    [
      ["exception", "rejection"],
      ["rejection", "none"],
    ] as const
  ).entries()) {
    const progress = { published: 0 };
    const publishing = publishFixes(phones, fixes.slice(i * part, (i + 1) * part), { perSecond: PER_SECOND, progress });
    await waitFor(() => progress.published >= part / 2, { timeoutMs: 30_000, intervalMs: 10, what: "half a part" });
    const dying = ingest;
    const afterPublished = progress.published;
    await dying.kill("SIGUSR2"); // resolves when the process has exited by itself
    deaths.push({ fault, afterPublished, exitCode: dying.exitCode, output: dying.output() });
    await publishing; // every PUBACK from Mosquitto to the phones, while the ingest process is gone
    await dying.dispose({ keepDataDir: true });
    ingest = await startIngest(next, dying);
  }
  await publishFixes(phones, fixes.slice(2 * part), { perSecond: PER_SECOND, progress: { published: 0 } });

  for (const death of deaths) {
    expect(death.exitCode, death.output).toBe(1);
    expect(death.output).toContain("fatal error: stopping the process");
    expect(death.output).toContain(death.fault === "exception" ? "uncaught exception" : "unhandled rejection");
    // Really mid-stream: the fault was set off with part of its part still to be published.
    expect(death.afterPublished).toBeLessThan(part);
  }

  const counts = await waitFor(
    async () => {
      const found = await storedCounts(sql!, fixes);
      return found.size === FIXES && found;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: `all ${FIXES} fixes stored` },
  );
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
}, 180_000);
