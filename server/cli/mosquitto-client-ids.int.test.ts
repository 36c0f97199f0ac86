// Client ids on an external Mosquitto (issue 16, item 2), with the files
// `npm run mosquitto:export` writes and the listener settings of the shipped
// deploy/mosquitto/mosquitto.conf: on the devices' listener a client id is
// replaced by the username (`use_username_as_clientid true`), so a device
// cannot take the ingestor's or another device's session; Vigil's own
// listener keeps the client ids Vigil chooses.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import getPort from "get-port";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../test/harness/mosquitto";
import { closed, connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { projectDir, startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

const run = promisify(execFile);
const INGESTOR_CLIENT_ID = "vigil-ingest-noc-1-3000";
const SERVICE = { username: "vigil", password: "service-pw" };
type Phone = { guard: GuardResponse; device: DeviceResponse };

let vigil: TestVigil;
let mosquitto: Mosquitto;
let dir: string;
let deviceUrl: string;
let mallory: Phone;
let carol: Phone;
const clients: MqttClient[] = [];

/** The settings of one `listener` block of the shipped config (up to the next listener). */
function shippedListener(port: string): string[] {
  const lines = readFileSync(path.join(projectDir, "deploy/mosquitto/mosquitto.conf"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const start = lines.findIndex((l) => l.startsWith(`listener ${port}`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith("listener "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

beforeAll(async () => {
  vigil = await startTestVigil({ env: { VIGIL_ROLES: "web" } });
  mallory = await createGuardWithPhone(vigil.url, vigil.adminToken);
  carol = await createGuardWithPhone(vigil.url, vigil.adminToken);
  dir = mkdtempSync(path.join(os.tmpdir(), "vigil-mosquitto-ids-"));
  await run(process.execPath, ["--import", "tsx", "server/cli/export-mosquitto-auth.ts", "--out-dir", dir], {
    cwd: projectDir,
    env: {
      ...process.env,
      DATABASE_URL: vigil.databaseUrl,
      MQTT_USERNAME: SERVICE.username,
      MQTT_PASSWORD: SERVICE.password,
    },
  });
  // The harness's listener plays Vigil's (loopback) listener; a second one plays the devices' listener,
  // with the shipped settings that are not about TLS.
  const devicePort = await getPort({ host: "127.0.0.1" });
  const deviceSettings = shippedListener("8883").filter((l) => !/^(certfile|keyfile|cafile)\b/.test(l));
  mosquitto = await startMosquitto({
    extraConfig: [
      "allow_anonymous false",
      `password_file ${dir}/passwd`,
      `acl_file ${dir}/acl`,
      `listener ${devicePort} 127.0.0.1`,
      ...deviceSettings,
    ],
  });
  deviceUrl = `mqtt://127.0.0.1:${devicePort}`;
}, 60_000);

afterAll(async () => {
  await endQuietly(...clients);
  await mosquitto?.dispose();
  await vigil?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function connect(url: string, options: mqtt.IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(client);
  return client;
}

/** Vigil's ingestor account on its own listener, subscribed to GPS, counting its disconnections. */
async function connectIngestor(): Promise<{ client: MqttClient; received: string[]; closes: () => number }> {
  const client = await connect(mosquitto.url, { ...SERVICE, clientId: INGESTOR_CLIENT_ID, clean: false });
  let closes = 0;
  client.on("close", () => closes++);
  const received: string[] = [];
  client.on("message", (_topic, payload) =>
    received.push((JSON.parse(payload.toString()) as { msg_id: string }).msg_id),
  );
  await client.subscribeAsync("guard/+/gps", { qos: 1 });
  return { client, received, closes: () => closes };
}

async function carolFixArrives(ingestor: { received: string[] }, carolClient: MqttClient): Promise<void> {
  const fix = gpsFix();
  await publishJson(carolClient, `guard/${carol.guard.externalId}/gps`, fix);
  await waitFor(() => ingestor.received.includes(fix.msg_id!), { what: "carol's fix at the ingestor" });
}

describe("client ids on Mosquitto", () => {
  test("the shipped config replaces client ids by usernames on the devices' listener only", () => {
    expect(shippedListener("8883")).toContain("use_username_as_clientid true");
    expect(shippedListener("1883")).not.toContain("use_username_as_clientid true");
  });

  test("a device connecting with the ingestor's client id does not take its session; ingestion carries on", async () => {
    const ingestor = await connectIngestor();
    const carolClient = await connectDevice(deviceUrl, carol.device.mqtt);
    clients.push(carolClient);
    await carolFixArrives(ingestor, carolClient);

    const intruder = await connect(deviceUrl, { ...mallory.device.mqtt, clientId: INGESTOR_CLIENT_ID, clean: true });
    expect(intruder.connected).toBe(true);
    // Its fix arrives after the intruder's CONNECT was handled: a takeover would have closed the ingestor first.
    await carolFixArrives(ingestor, carolClient);
    expect(ingestor.closes()).toBe(0);
    expect(ingestor.client.connected).toBe(true);
  });

  test("a device connecting with another device's client id does not disconnect it", async () => {
    const ingestor = await connectIngestor();
    const carolClient = await connect(deviceUrl, { ...carol.device.mqtt, clientId: carol.device.externalId });
    let carolCloses = 0;
    carolClient.on("close", () => carolCloses++);
    await connect(deviceUrl, { ...mallory.device.mqtt, clientId: carol.device.externalId, clean: true });
    await carolFixArrives(ingestor, carolClient);
    expect(carolCloses).toBe(0);
  });

  test("the ingestor's account keeps its own client id on Vigil's listener (why devices must not reach it)", async () => {
    const ingestor = await connectIngestor();
    // Without use_username_as_clientid, the same intrusion does take the session over: the control for the tests above.
    await connect(mosquitto.url, { ...mallory.device.mqtt, clientId: INGESTOR_CLIENT_ID, clean: true });
    await closed(ingestor.client);
    expect(ingestor.closes()).toBe(1);
  });
});
