// Zigbee2MQTT behind a site gateway, on the embedded broker: the gateway logs
// in with its Vigil credentials and its Zigbee2MQTT publishes under
// `zigbee2mqtt/{gateway id}`, as Zigbee2MQTT connects (its last will and
// bridge state retained, its whole base subscribed). Its devices become
// sensors of the gateway's tenant and site: smoke raises the fire alarm a
// native smoke sensor raises, an open contact while armed an intrusion,
// availability offline marks a sensor offline, the bridge going offline marks
// the gateway offline with one alert for it and its sensors; a command to a
// sensor reaches `{base}/{name}/set`; another gateway cannot publish under
// this base, and what is not Zigbee2MQTT's JSON is quarantined with why.
// Payloads are those of Zigbee2MQTT's documents (zigbee2mqtt.io: guide/usage/
// mqtt_topics_and_messages, guide/configuration/device-availability, and the
// exposes of the device pages named below).
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import { checkLiveness } from "../../liveness/check-liveness";
import { api, createDevice, uniqueId, type ApiError, type DeviceResponse } from "../../../test/harness/api-client";
import { readMetric } from "../../../test/harness/metrics";
import { closed, connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor, waitForRow } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let siteId: string;
let gateway: DeviceResponse;
let bridge: MqttClient;
const clients: MqttClient[] = [];

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

async function registerGateway(): Promise<DeviceResponse> {
  const response = await api<DeviceResponse>(vigil.url, "/api/v1/devices", {
    method: "POST",
    token: vigil.adminToken,
    body: { externalId: uniqueId("gw"), kind: "gateway", siteId },
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** Connects the way Zigbee2MQTT does (lib/mqtt.ts): its will and its state retained, its whole base subscribed. */
async function startZigbee2Mqtt(device: DeviceResponse): Promise<MqttClient> {
  const base = `zigbee2mqtt/${device.externalId}`;
  const client = await connectDevice(vigil.mqttUrl, device.mqtt, {
    will: { topic: `${base}/bridge/state`, payload: Buffer.from('{"state":"offline"}'), retain: true, qos: 1 },
  });
  clients.push(client);
  await client.publishAsync(`${base}/bridge/state`, '{"state":"online"}', { retain: true, qos: 1 });
  const [granted] = await client.subscribeAsync(`${base}/#`, { qos: 1 });
  expect(granted?.qos).not.toBe(128);
  return client;
}

const base = () => `zigbee2mqtt/${gateway.externalId}`;
const sensorOf = (name: string) => gatewaySensorId(gateway.externalId, name)!;

function quarantined(topicPrefix: string) {
  return vigil.sql<{ topic: string; reason: string; detail: string | null; tenant_id: string | null }[]>`
    select topic, reason, detail, tenant_id from mqtt_quarantine where topic like ${`${topicPrefix}%`} order by id`;
}

beforeAll(async () => {
  vigil = await startTestVigil();
  const site = await api<{ id: string }>(vigil.url, "/api/v1/sites", {
    method: "POST",
    token: vigil.adminToken,
    body: {
      name: "Warehouse",
      armedSchedule: [
        { days: ALL_WEEK, from: "00:00", to: "12:00" },
        { days: ALL_WEEK, from: "12:00", to: "00:00" },
      ],
    },
  });
  expect(site.status).toBe(201);
  siteId = site.body.id;
  gateway = await registerGateway();
  bridge = await startZigbee2Mqtt(gateway);
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

describe("Zigbee2MQTT on a gateway", () => {
  test("the bridge's retained state is taken, not refused, and is the gateway's sign of life", async () => {
    const report = await waitForRow(
      () => vigil.sql<{ status: string }[]>`
        select c.status from system_components c join devices d on d.id = c.device_id
        where d.external_id = ${gateway.externalId} and c.metric = 'zigbee2mqtt'`,
    );
    expect(report.status).toBe("online");
    expect(bridge.connected).toBe(true);
  });

  test("smoke on a new device: a sensor of the gateway's tenant and site, and the critical fire alarm", async () => {
    // HEIMAN HS1SA exposes: smoke, battery_low, tamper, battery, linkquality.
    await publishJson(bridge, `${base()}/hallway smoke`, {
      battery: 100,
      battery_low: false,
      linkquality: 120,
      smoke: true,
      tamper: false,
    });
    const alert = await waitForRow(
      () => vigil.sql<{ type: string; severity: string; status: string; site_id: string | null }[]>`
        select a.type, a.severity, a.status, a.site_id from alerts a join devices d on d.id = a.device_id
        where d.external_id = ${sensorOf("hallway smoke")} and a.type = 'fire'`,
    );
    expect(alert).toEqual({ type: "fire", severity: "critical", status: "NEW", site_id: siteId });
    const [sensor] = await vigil.sql<{ kind: string; name: string; site_id: string; same_tenant: boolean }[]>`
      select s.kind, s.name, s.site_id, s.tenant_id = g.tenant_id as same_tenant
      from devices s join devices g on g.id = s.gateway_id where s.external_id = ${sensorOf("hallway smoke")}`;
    expect(sensor).toEqual({ kind: "sensor", name: "hallway smoke", site_id: siteId, same_tenant: true });
    const telemetry = await waitForRow(
      () => vigil.sql<{ battery: number; extra: Record<string, unknown> }[]>`
        select t.battery, t.extra from device_telemetry t join devices d on d.id = t.device_id
        where d.external_id = ${sensorOf("hallway smoke")}`,
    );
    expect(telemetry).toEqual({ battery: 100, extra: { linkquality: 120 } });
  });

  test("a contact opening while the site is armed is an intrusion, through the door rule", async () => {
    // Xiaomi MCCGQ11LM exposes: contact (false = open), battery, voltage, linkquality.
    await publishJson(bridge, `${base()}/kitchen/back door`, {
      battery: 91,
      contact: false,
      linkquality: 87,
      voltage: 3005,
    });
    const reading = await waitForRow(
      () => vigil.sql<{ state: string }[]>`
        select r.state from sensor_readings r join devices d on d.id = r.device_id
        where d.external_id = ${sensorOf("kitchen/back door")} and r.kind = 'door'`,
    );
    expect(reading.state).toBe("open");
    const alert = await waitForRow(
      () => vigil.sql<{ severity: string }[]>`
        select a.severity from alerts a join devices d on d.id = a.device_id
        where d.external_id = ${sensorOf("kitchen/back door")} and a.type = 'intrusion'`,
    );
    expect(alert.severity).toBe("high");
  });

  test("availability offline marks that sensor offline at once, with its offline alert", async () => {
    // Xiaomi RTCGQ11LM exposes: occupancy, illuminance, battery, voltage.
    await publishJson(bridge, `${base()}/porch motion`, { occupancy: false, illuminance: 40, battery: 98 });
    await waitForRow(() => vigil.sql`select 1 from devices where external_id = ${sensorOf("porch motion")}`);
    await publishJson(bridge, `${base()}/porch motion/availability`, { state: "offline" });
    const row = await waitForRow(
      () => vigil.sql<{ offline_since: Date }[]>`
        select offline_since from devices where external_id = ${sensorOf("porch motion")} and offline_since is not null`,
    );
    expect(row.offline_since.getTime()).toBeGreaterThan(Date.now() - 30_000);
    const alerts = await vigil.sql<{ type: string; message: string }[]>`
      select a.type, a.message from alerts a join devices d on d.id = a.device_id
      where d.external_id = ${sensorOf("porch motion")}`;
    expect(alerts).toEqual([
      { type: "offline", message: expect.stringContaining("Zigbee2MQTT reports it unavailable") },
    ]);
  });

  test("a command to a sensor reaches Zigbee2MQTT's {base}/{name}/set", async () => {
    const received: { topic: string; payload: string }[] = [];
    bridge.on("message", (topic, payload) => received.push({ topic, payload: payload.toString() }));
    const sent = await api(vigil.url, `/api/v1/devices/${sensorOf("hallway smoke")}/commands`, {
      method: "POST",
      token: vigil.adminToken,
      body: { type: "set", params: { alarm: "OFF" } },
    });
    expect(sent.status).toBe(201);
    const command = await waitFor(() => received.find((m) => m.topic === `${base()}/hallway smoke/set`));
    expect(JSON.parse(command.payload)).toEqual({ alarm: "OFF" });
  });

  test("the bridge's other topics are dropped without quarantine", async () => {
    const before = await readMetric(vigil.url, "vigil_mqtt_messages_total", {
      family: "zigbee2mqtt",
      result: "ignored",
    });
    await publishJson(bridge, `${base()}/bridge/logging`, {
      level: "info",
      message: "Zigbee: allowing new devices to join.",
    });
    await publishJson(bridge, `${base()}/bridge/event`, {
      type: "device_joined",
      data: { friendly_name: "0x90fd9ffffe6494fc", ieee_address: "0x90fd9ffffe6494fc" },
    });
    await publishJson(bridge, `${base()}/bridge/response/permit_join`, { data: { value: true }, status: "ok" });
    await waitFor(
      async () =>
        (await readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "zigbee2mqtt", result: "ignored" })) >=
        before + 3,
    );
    expect(await quarantined(`${base()}/bridge`)).toEqual([]);
  });

  test("a payload that is not a device's JSON state is quarantined under the gateway's tenant, with why", async () => {
    // What Zigbee2MQTT's `advanced.output: attribute` would send instead of JSON.
    await publishJson(bridge, `${base()}/hallway smoke`, "ON");
    const [entry] = await waitFor(async () => {
      const rows = await quarantined(`${base()}/hallway smoke`);
      return rows.length > 0 && rows;
    });
    expect(entry).toMatchObject({ reason: "invalid_json", topic: `${base()}/hallway smoke` });
    expect(entry!.detail).toMatch(/JSON object/);
    const [tenant] = await vigil.sql<{ tenant_id: string }[]>`
      select tenant_id from devices where external_id = ${gateway.externalId}`;
    expect(entry!.tenant_id).toBe(tenant!.tenant_id);
  });

  test("the bridge's last will marks the gateway offline with one alert, and its sensors unreachable under it", async () => {
    const other = await registerGateway();
    const z2m = await startZigbee2Mqtt(other);
    const otherBase = `zigbee2mqtt/${other.externalId}`;
    await publishJson(z2m, `${otherBase}/0x00158d000405cfee`, { water_leak: false, battery: 100 });
    await publishJson(z2m, `${otherBase}/0x00158d0001a9ec71`, { occupancy: false, battery: 97 });
    await waitFor(async () => {
      const [row] = await vigil.sql<{ n: number }[]>`
        select count(*)::int as n from devices s join devices g on g.id = s.gateway_id where g.external_id = ${other.externalId}`;
      return row!.n === 2;
    });
    // The gateway loses its network: no DISCONNECT, so the broker publishes Zigbee2MQTT's will.
    z2m.stream.destroy();
    await waitFor(async () => {
      const rows = await vigil.sql<{ offline: boolean }[]>`
        select offline_since is not null as offline from devices d
        where d.external_id = ${other.externalId} or d.gateway_id = (select id from devices where external_id = ${other.externalId})`;
      return rows.length === 3 && rows.every((r) => r.offline);
    });
    const alerts = await vigil.sql<{ external_id: string; type: string; message: string }[]>`
      select d.external_id, a.type, a.message from alerts a join devices d on d.id = a.device_id
      where d.external_id = ${other.externalId} or d.gateway_id = (select id from devices where external_id = ${other.externalId})`;
    expect(alerts).toEqual([
      {
        external_id: other.externalId,
        type: "offline",
        message: expect.stringContaining("its 2 sensors are unreachable"),
      },
    ]);
  });
});

describe("Zigbee2MQTT and liveness", () => {
  test("a gateway gone silent goes offline with one alert; its sensors go with it, without alerts of their own", async () => {
    const silent = await registerGateway();
    const z2m = await startZigbee2Mqtt(silent);
    await publishJson(z2m, `zigbee2mqtt/${silent.externalId}/0x00158d000122fcd1`, { contact: true, battery: 90 });
    const sensor = gatewaySensorId(silent.externalId, "0x00158d000122fcd1")!;
    await waitForRow(() => vigil.sql`select 1 from devices where external_id = ${sensor} and last_seen_at is not null`);
    await z2m.endAsync();
    // A gateway is expected every 60 s: last heard 181 s ago (its sensor, every 9 h, was heard just now).
    await vigil.sql`update devices set last_seen_at = now() - interval '181 seconds' where external_id = ${silent.externalId}`;
    await checkLiveness(vigil.sql, { toTenant: () => {}, toUser: () => {} });
    const rows = await vigil.sql<{ external_id: string; offline: boolean; alerts: number }[]>`
      select d.external_id, d.offline_since is not null as offline,
             (select count(*)::int from alerts a where a.device_id = d.id and a.type = 'offline') as alerts
      from devices d where d.external_id in (${silent.externalId}, ${sensor}) order by d.gateway_id nulls first`;
    expect(rows).toEqual([
      { external_id: silent.externalId, offline: true, alerts: 1 },
      { external_id: sensor, offline: true, alerts: 0 },
    ]);
  });
});

describe("Zigbee2MQTT ACL on the embedded broker", () => {
  test("another gateway publishing under this gateway's base is disconnected and quarantined; nothing is stored", async () => {
    const intruder = await registerGateway();
    const client = await connectDevice(vigil.mqttUrl, intruder.mqtt);
    client.publish(`${base()}/front door`, JSON.stringify({ contact: false }), { qos: 1 });
    await closed(client);
    const [entry] = await waitFor(async () => {
      const rows = await quarantined(`${base()}/front door`);
      return rows.length > 0 && rows;
    });
    expect(entry).toMatchObject({ reason: "not_authorized" });
    expect(entry!.detail).toContain(intruder.externalId);
    const [row] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from devices where external_id = ${sensorOf("front door")}`;
    expect(row!.n).toBe(0);
  });

  test("a device that is not a gateway is quarantined under its own tenant when it publishes Zigbee2MQTT", async () => {
    const sensor = await createDevice(vigil.url, vigil.adminToken, { kind: "sensor" });
    const client = await connectDevice(vigil.mqttUrl, sensor.mqtt);
    clients.push(client);
    await publishJson(client, `zigbee2mqtt/${sensor.externalId}/0x00158d000122fcd1`, { contact: true });
    const [entry] = await waitFor(async () => {
      const rows = await quarantined(`zigbee2mqtt/${sensor.externalId}/`);
      return rows.length > 0 && rows;
    });
    expect(entry).toMatchObject({ reason: "topic_not_allowed" });
    expect(entry!.detail).toMatch(/not a gateway/);
    expect(entry!.tenant_id).not.toBeNull();
  });

  test("nobody registers a sensor's id (with '::') by hand, as a device or a guard: 422 naming externalId", async () => {
    const externalId = sensorOf("not yet paired");
    for (const route of ["/api/v1/devices", "/api/v1/guards"]) {
      const response = await api<ApiError>(vigil.url, route, {
        method: "POST",
        token: vigil.adminToken,
        body: { externalId, kind: "sensor", name: "Squatter" },
      });
      expect(response.status, route).toBe(422);
      expect(response.body.error.issues?.map((i) => i.path)).toEqual(["externalId"]);
    }
  });

  test("Zigbee2MQTT's own subscriptions are its base only", async () => {
    const client = await connectDevice(vigil.mqttUrl, gateway.mqtt);
    clients.push(client);
    const [own] = await client.subscribeAsync(`${base()}/#`, { qos: 1 });
    expect(own?.qos).toBe(1);
    // Refused in the SUBACK only: the bridge stays connected.
    const [other] = await client.subscribeAsync("zigbee2mqtt/#", { qos: 1 }).catch(() => [{ qos: 128 }]);
    expect(other?.qos).toBe(128);
    expect(client.connected).toBe(true);
  });
});
