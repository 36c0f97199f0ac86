// Fairness on the embedded broker (issue 16, item 10): one device publishing
// GPS as fast as it can is held to its per-client rate, and another tenant's
// panic (alarms are exempt from the limit) still reaches its alert row. The
// latency is printed for docs/security.md, not asserted against a tight bound
// (this machine is shared).
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone, logIn, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { readMetric } from "../../test/harness/metrics";
import { connectDevice, endQuietly, panicAlarm, publishJson } from "../../test/harness/mqtt-device";
import { createTenant } from "../../test/harness/tenants";
import { projectDir, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor, waitForRow } from "../../test/harness/wait-for";

const RATE = 50;
const BURST = 100;
/** Enough to keep the flooder busy for the whole test without filling its memory. */
const MAX_FLOOD = 100_000;

let vigil: TestVigil;
let flooder: { guard: GuardResponse; device: DeviceResponse };
let victim: { guard: GuardResponse; device: DeviceResponse };
let quiet: { guard: GuardResponse; device: DeviceResponse };
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil({
    env: { MQTT_PUBLISH_RATE_PER_CLIENT: String(RATE), MQTT_PUBLISH_BURST_PER_CLIENT: String(BURST) },
  });
  const tenantB = await createTenant(vigil.sql, { name: "Flooding tenant" });
  flooder = await createGuardWithPhone(vigil.url, await logIn(vigil.url, tenantB));
  victim = await createGuardWithPhone(vigil.url, vigil.adminToken);
  quiet = await createGuardWithPhone(vigil.url, vigil.adminToken);
});

/** Milliseconds from publishing a panic (QoS 2) for `phone`'s guard to its alert row. */
async function panicToAlertRow(phone: { guard: GuardResponse; device: DeviceResponse }): Promise<number> {
  const client = await connectDevice(vigil.mqttUrl, phone.device.mqtt);
  clients.push(client);
  const sentAt = performance.now();
  await publishJson(client, `alert/panic/${phone.guard.externalId}`, panicAlarm("help"), 2);
  await waitForRow(() => vigil.sql`select id from alerts where guard_id = ${phone.guard.id} and type = 'panic'`, {
    intervalMs: 5,
    what: `${phone.guard.externalId}'s panic alert row`,
  });
  return performance.now() - sentAt;
}

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

/** A child process publishing GPS fixes with distinct msg_ids as fast as it can; stop() resolves with how many. */
function floodFrom(credentials: { username: string; password: string }, topic: string) {
  const script = `
    import mqtt from "mqtt";
    const client = await mqtt.connectAsync(process.argv[1], {
      username: process.argv[2], password: process.argv[3], clientId: process.argv[2], reconnectPeriod: 0 });
    let sent = 0;
    process.on("SIGTERM", () => { process.stdout.write(String(sent)); process.exit(0); });
    const fix = () => JSON.stringify({ lat: 12.97, lon: 77.59, accuracy: 8, timestamp: new Date().toISOString(), msg_id: "flood-" + sent });
    while (sent < ${MAX_FLOOD}) {
      for (let i = 0; i < 100; i++, sent++) client.publish(process.argv[4], fix());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise(() => {});`;
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", script, vigil.mqttUrl, credentials.username, credentials.password, topic],
    { cwd: projectDir, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async stop(): Promise<number> {
      child.kill("SIGTERM");
      await exited;
      return Number(output);
    },
  };
}

const throttled = () => readMetric(vigil.url, "vigil_mqtt_publishes_throttled_total", { family: "guard" });

test("a device flooding GPS is held to its rate; another tenant's panic still reaches its alert row", async () => {
  const quietMs = await panicToAlertRow(quiet);
  const throttledBefore = await throttled();

  // Full speed, QoS 0, from another process (Vigil runs in this one: a flood generated here would starve it).
  const floodStart = performance.now();
  const flooding = floodFrom(flooder.device.mqtt, `guard/${flooder.guard.externalId}/gps`);
  await waitFor(async () => (await throttled()) > throttledBefore, { what: "the broker to hold the flood back" });

  const panicMs = await panicToAlertRow(victim);
  const sent = await flooding.stop();
  const floodSeconds = (performance.now() - floodStart) / 1000;
  const [stored] = await vigil.sql<{ n: number }[]>`
    select count(*)::int as n from guard_locations where guard_id = ${flooder.guard.id}`;
  console.info(
    `fairness: flooder sent ${sent} fixes in ${floodSeconds.toFixed(1)} s, ${stored!.n} stored ` +
      `(limit ${RATE}/s after ${BURST}); the other tenant's panic reached its alert row in ${panicMs.toFixed(0)} ms ` +
      `(${quietMs.toFixed(0)} ms with no flood)`,
  );
  // The flood was limited: far more was sent than stored, and what was stored stays within the rate (with slack).
  expect(stored!.n).toBeLessThanOrEqual(BURST + RATE * floodSeconds * 1.2 + 20);
  expect(sent).toBeGreaterThan(stored!.n);
  expect(await throttled()).toBeGreaterThan(throttledBefore);
});
