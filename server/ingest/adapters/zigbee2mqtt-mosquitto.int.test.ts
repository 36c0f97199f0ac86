// Zigbee2MQTT behind a gateway through an external Mosquitto with the ACL and
// password files `npm run mosquitto:export` writes, Vigil ingesting from it
// with its own account: smoke raises the fire alarm, availability offline
// marks the sensor offline, another gateway's publish under this base never
// reaches Vigil, and a payload that is not Zigbee2MQTT's JSON is quarantined
// with why. Payloads from Zigbee2MQTT's documents, as in zigbee2mqtt.int.test.ts.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import { createDevice, type DeviceResponse } from "../../../test/harness/api-client";
import { startMosquitto, type Mosquitto } from "../../../test/harness/mosquitto";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { createTestDatabase } from "../../../test/harness/test-database";
import { projectDir, startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor, waitForRow } from "../../../test/harness/wait-for";

const run = promisify(execFile);
const SERVICE = { username: "vigil", password: "service-pw" };

let databaseUrl: string;
let dir: string;
let mosquitto: Mosquitto;
let vigil: TestVigil;
let gateway: DeviceResponse;
let intruder: DeviceResponse;
const clients: MqttClient[] = [];

/** Writes the password and ACL files from the registry, as an operator does after registering devices. */
async function exportAuthFiles(): Promise<void> {
  await run(process.execPath, ["--import", "tsx", "server/cli/export-mosquitto-auth.ts", "--out-dir", dir], {
    cwd: projectDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MQTT_USERNAME: SERVICE.username,
      MQTT_PASSWORD: SERVICE.password,
    },
  });
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "vigil-mosquitto-zigbee-"));
  await exportAuthFiles();
  mosquitto = await startMosquitto({
    extraConfig: ["allow_anonymous false", `password_file ${dir}/passwd`, `acl_file ${dir}/acl`],
  });
  vigil = await startTestVigil({
    env: {
      DATABASE_URL: databaseUrl,
      MQTT_URL: mosquitto.url,
      MQTT_USERNAME: SERVICE.username,
      MQTT_PASSWORD: SERVICE.password,
    },
  });
  gateway = await createDevice(vigil.url, vigil.adminToken, { kind: "gateway" });
  intruder = await createDevice(vigil.url, vigil.adminToken, { kind: "gateway" });
  // The gateways' accounts: exported again, and Mosquitto restarted to read them (Vigil's session is kept).
  await exportAuthFiles();
  await mosquitto.restart();
}, 60_000);

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
  await mosquitto?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function zigbee2Mqtt(device: DeviceResponse): Promise<MqttClient> {
  const base = `zigbee2mqtt/${device.externalId}`;
  const client = await connectDevice(mosquitto.url, device.mqtt, {
    will: { topic: `${base}/bridge/state`, payload: Buffer.from('{"state":"offline"}'), retain: true, qos: 1 },
  });
  clients.push(client);
  await client.publishAsync(`${base}/bridge/state`, '{"state":"online"}', { retain: true, qos: 1 });
  await client.subscribeAsync(`${base}/#`, { qos: 1 });
  return client;
}

const base = () => `zigbee2mqtt/${gateway.externalId}`;
const sensorOf = (name: string) => gatewaySensorId(gateway.externalId, name)!;

describe("Zigbee2MQTT through Mosquitto", () => {
  test("smoke raises the critical fire alarm of a sensor of the gateway's tenant", async () => {
    const bridge = await zigbee2Mqtt(gateway);
    // HEIMAN HS1SA exposes.
    await publishJson(bridge, `${base()}/hallway smoke`, { battery: 100, smoke: true, tamper: false, linkquality: 96 });
    const alert = await waitForRow(
      () => vigil.sql<{ type: string; severity: string; same_tenant: boolean }[]>`
        select a.type, a.severity, a.tenant_id = g.tenant_id as same_tenant
        from alerts a join devices s on s.id = a.device_id join devices g on g.id = s.gateway_id
        where s.external_id = ${sensorOf("hallway smoke")}`,
      { timeoutMs: 15_000, what: "the fire alarm" },
    );
    expect(alert).toEqual({ type: "fire", severity: "critical", same_tenant: true });
  });

  test("availability offline marks the sensor offline", async () => {
    const bridge = await zigbee2Mqtt(gateway);
    await publishJson(bridge, `${base()}/porch motion`, { occupancy: false, battery: 98 });
    await waitForRow(() => vigil.sql`select 1 from devices where external_id = ${sensorOf("porch motion")}`, {
      timeoutMs: 15_000,
    });
    // The legacy payload (`advanced.legacy_availability_payload: true`).
    await publishJson(bridge, `${base()}/porch motion/availability`, "offline");
    await waitForRow(
      () => vigil.sql`
        select 1 from devices where external_id = ${sensorOf("porch motion")} and offline_since is not null`,
      { timeoutMs: 15_000, what: "the sensor offline" },
    );
  });

  test("another gateway's publish under this base never reaches Vigil", async () => {
    const forger = await zigbee2Mqtt(intruder);
    await publishJson(forger, `${base()}/front door`, { contact: false });
    // Mosquitto drops a publish its ACL refuses without a word: a later message of the gateway's own is the barrier.
    const bridge = await zigbee2Mqtt(gateway);
    await publishJson(bridge, `${base()}/barrier`, { contact: true });
    await waitForRow(() => vigil.sql`select 1 from devices where external_id = ${sensorOf("barrier")}`, {
      timeoutMs: 15_000,
    });
    const rows = await vigil.sql`select 1 from devices where external_id = ${sensorOf("front door")}`;
    expect(rows).toHaveLength(0);
  });

  test("a payload that is not Zigbee2MQTT's JSON is quarantined under the gateway's tenant with why", async () => {
    const bridge = await zigbee2Mqtt(gateway);
    await publishJson(bridge, `${base()}/hallway smoke`, "27.3");
    const [entry] = await waitFor(
      async () => {
        const rows = await vigil.sql<{ reason: string; detail: string; tenant_id: string | null }[]>`
          select reason, detail, tenant_id from mqtt_quarantine where topic = ${`${base()}/hallway smoke`}`;
        return rows.length > 0 && rows;
      },
      { timeoutMs: 15_000 },
    );
    expect(entry).toMatchObject({ reason: "invalid_json" });
    expect(entry!.detail).toMatch(/JSON object/);
    expect(entry!.tenant_id).not.toBeNull();
  });
});
