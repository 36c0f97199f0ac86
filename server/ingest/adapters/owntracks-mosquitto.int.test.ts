// OwnTracks's topics on an external Mosquitto with the ACL and password files
// `npm run mosquitto:export` writes: a phone publishes under its own
// `owntracks/{user}/...` only, reads only its own command topic, and Vigil's
// account reads the app's uplink and writes its commands; the same over the
// shipped websockets listener (deploy/mosquitto/mosquitto.conf).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import getPort from "get-port";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse } from "../../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../../test/harness/mosquitto";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { projectDir, startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";

const run = promisify(execFile);
const SERVICE = { username: "vigil", password: "service-pw" };

let vigil: TestVigil;
let mosquitto: Mosquitto;
let dir: string;
let webSocketUrl: string;
let alice: DeviceResponse;
let bob: DeviceResponse;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil({ env: { VIGIL_ROLES: "web" } });
  alice = (await createGuardWithPhone(vigil.url, vigil.adminToken)).device;
  bob = (await createGuardWithPhone(vigil.url, vigil.adminToken)).device;
  dir = mkdtempSync(path.join(os.tmpdir(), "vigil-mosquitto-owntracks-"));
  await run(process.execPath, ["--import", "tsx", "server/cli/export-mosquitto-auth.ts", "--out-dir", dir], {
    cwd: projectDir,
    env: {
      ...process.env,
      DATABASE_URL: vigil.databaseUrl,
      MQTT_USERNAME: SERVICE.username,
      MQTT_PASSWORD: SERVICE.password,
    },
  });
  // The shipped websockets listener's settings, but for TLS, on a free loopback port.
  const shipped = readFileSync(path.join(projectDir, "deploy/mosquitto/mosquitto.conf"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const start = shipped.indexOf("listener 8884");
  const end = shipped.findIndex((l, i) => i > start && l.startsWith("listener "));
  const webSocketSettings = shipped
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((l) => !/^(certfile|keyfile|cafile)\b/.test(l));
  expect(webSocketSettings).toContain("protocol websockets");
  const webSocketPort = await getPort({ host: "127.0.0.1" });
  webSocketUrl = `ws://127.0.0.1:${webSocketPort}`;
  mosquitto = await startMosquitto({
    extraConfig: [
      "allow_anonymous false",
      `password_file ${dir}/passwd`,
      `acl_file ${dir}/acl`,
      `listener ${webSocketPort} 127.0.0.1`,
      ...webSocketSettings,
    ],
  });
}, 60_000);

afterAll(async () => {
  await endQuietly(...clients);
  await mosquitto?.dispose();
  await vigil?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function device(credentials: DeviceResponse["mqtt"], url = mosquitto.url): Promise<MqttClient> {
  const client = await connectDevice(url, credentials);
  clients.push(client);
  return client;
}

async function service(): Promise<{ client: MqttClient; received: string[] }> {
  const client = await mqtt.connectAsync(mosquitto.url, {
    ...SERVICE,
    clientId: "vigil-ingest-test",
    reconnectPeriod: 0,
  });
  clients.push(client);
  const received: string[] = [];
  client.on("message", (topic) => received.push(topic));
  await client.subscribeAsync(["owntracks/+/+", "owntracks/+/+/event"], { qos: 1 });
  return { client, received };
}

describe("OwnTracks on Mosquitto with the exported ACL", () => {
  test("a phone's own location and transition reach Vigil; one under another user's topic does not", async () => {
    const vigilAccount = await service();
    const phone = await device(alice.mqtt);
    const tst = Math.floor(Date.now() / 1000);
    // Booklet (tech/json) location and transition, placeholders filled.
    await publishJson(phone, `owntracks/${bob.externalId}/iPhone`, { _type: "location", lat: 1, lon: 1, tst });
    await publishJson(phone, `owntracks/${alice.externalId}/iPhone`, {
      _type: "location",
      lat: 48.85833,
      lon: 2.29513,
      tst,
    });
    await publishJson(phone, `owntracks/${alice.externalId}/iPhone/event`, {
      _type: "transition",
      wtst: 1425042603,
      lat: 12.34,
      lon: 44.5,
      tst,
      acc: 130,
      event: "enter",
      desc: "my Indian restaurant",
    });
    await waitFor(() => vigilAccount.received.length >= 2, { what: "alice's messages at Vigil" });
    expect(vigilAccount.received).toEqual([
      `owntracks/${alice.externalId}/iPhone`,
      `owntracks/${alice.externalId}/iPhone/event`,
    ]);
  });

  test("Vigil's command reaches the phone's own command topic and no other phone", async () => {
    const vigilAccount = await service();
    const phone = await device(alice.mqtt);
    const snoop = await device(bob.mqtt);
    const commands: string[] = [];
    const snooped: string[] = [];
    phone.on("message", (_topic, payload) => commands.push(payload.toString()));
    snoop.on("message", (topic) => snooped.push(topic));
    await phone.subscribeAsync(`owntracks/${alice.externalId}/iPhone/cmd`, { qos: 1 });
    // Refused (0x80) or granted and never delivered, depending on the Mosquitto version: either way, nothing arrives.
    await snoop.subscribeAsync(`owntracks/${alice.externalId}/iPhone/cmd`, { qos: 1 }).catch(() => undefined);
    await snoop.subscribeAsync("owntracks/#", { qos: 1 }).catch(() => undefined);

    const command = JSON.stringify({ _type: "cmd", action: "reportLocation" });
    await vigilAccount.client.publishAsync(`owntracks/${alice.externalId}/iPhone/cmd`, command, { qos: 1 });
    await waitFor(() => commands.length > 0, { what: "the command at the phone" });
    expect(commands).toEqual([command]);
    // The phone's own uplink, published after the command, is not delivered to the snoop either.
    await publishJson(phone, `owntracks/${alice.externalId}/iPhone`, { _type: "location", lat: 2, lon: 2, tst: 1 });
    await waitFor(() => vigilAccount.received.includes(`owntracks/${alice.externalId}/iPhone`));
    expect(snooped).toEqual([]);
  });

  test("over the websockets listener, the same ACL: own topics reach Vigil, another user's do not", async () => {
    const vigilAccount = await service();
    const phone = await device(alice.mqtt, webSocketUrl);
    const tst = Math.floor(Date.now() / 1000);
    await publishJson(phone, `owntracks/${bob.externalId}/browser`, { _type: "location", lat: 3, lon: 3, tst });
    await publishJson(phone, `owntracks/${alice.externalId}/browser`, { _type: "location", lat: 4, lon: 4, tst });
    await waitFor(() => vigilAccount.received.length >= 1, { what: "alice's fix at Vigil" });
    expect(vigilAccount.received).toEqual([`owntracks/${alice.externalId}/browser`]);
  });
});
