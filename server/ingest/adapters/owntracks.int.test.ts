// OwnTracks in MQTT mode on the embedded broker: a guard phone running the
// app, logged in with its Vigil credentials, moves its guard on the map, its
// region transitions are stored, its last will marks it offline at once, the
// app's other messages are dropped without quarantine, and it publishes and
// subscribes only under its own user.
// Payloads are the booklet's (owntracks.org/booklet/tech/json and its poster,
// owntracks.org/booklet/images/OwnTracksPosterA1.pdf), with `tst` moved to now
// (positions are stored in time partitions around the present) and the
// poster's placeholders (`nnn`, `x.xxxxxx`) filled in.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../../test/harness/api-client";
import { readMetric } from "../../../test/harness/metrics";
import { closed, connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor, waitForRow } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse;
let phone: MqttClient;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
  phone = await connectDevice(vigil.mqttUrl, device.mqtt);
});

afterAll(async () => {
  await endQuietly(phone, ...clients);
  await vigil?.dispose();
});

const now = () => Math.floor(Date.now() / 1000);
const baseTopic = () => `owntracks/${device.externalId}/iPhone`;

async function quarantined(topicPrefix: string) {
  return vigil.sql<{ topic: string; reason: string; detail: string | null; tenant_id: string | null }[]>`
    select topic, reason, detail, tenant_id from mqtt_quarantine where topic like ${`${topicPrefix}%`} order by id`;
}

describe("OwnTracks over MQTT", () => {
  test("a location moves the phone's guard: tst, acc, vel km/h, cog, batt and alt as the booklet defines them", async () => {
    const tst = now() - 5;
    // The poster's iOS location, placeholders filled.
    const location = {
      _type: "location",
      batt: 61,
      cog: 270,
      lat: 48.85833,
      lon: 2.29513,
      acc: 75,
      rad: 50,
      t: "u",
      tid: "YY",
      tst,
      alt: 13,
      vacc: 10,
      vel: 54,
      p: 101.3,
    };
    await publishJson(phone, baseTopic(), location);

    const row = await waitForRow(
      () => vigil.sql<
        {
          lat: number;
          lon: number;
          accuracy_m: number;
          speed: number;
          heading: number;
          battery: number;
          recorded_at: Date;
          extra: Record<string, unknown>;
        }[]
      >`select l.lat, l.lon, l.accuracy_m, l.speed, l.heading, l.battery, l.recorded_at, l.extra
        from guard_locations l join guards g on g.id = l.guard_id where g.external_id = ${guard.externalId}`,
    );
    expect(row).toMatchObject({ lat: 48.85833, lon: 2.29513, accuracy_m: 75, heading: 270, battery: 61 });
    expect(row.speed).toBeCloseTo(15, 6); // 54 km/h
    expect(row.recorded_at.getTime()).toBe(tst * 1000);
    expect(row.extra).toMatchObject({ alt: 13, tid: "YY", t: "u", client_id: "iPhone" });

    // The phone's own battery, and its liveness, are the device's.
    const telemetry = await waitForRow(
      () => vigil.sql<{ battery: number }[]>`
        select t.battery from device_telemetry t join devices d on d.id = t.device_id
        where d.external_id = ${device.externalId}`,
    );
    expect(telemetry.battery).toBe(61);
    expect(await quarantined("guard/")).toEqual([]);
  });

  test("the same location delivered twice is stored once", async () => {
    const location = { _type: "location", lat: 48.86043, lon: 2.29401, tid: "JJ", tst: now() - 3 };
    await publishJson(phone, baseTopic(), location);
    await publishJson(phone, baseTopic(), location);
    await waitForRow(() => vigil.sql`select 1 from guard_locations where lat = 48.86043`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [row] = await vigil.sql<{ n: number }[]>`select count(*)::int as n from guard_locations where lat = 48.86043`;
    expect(row!.n).toBe(1);
  });

  test("a transition (region enter/leave) is stored as the device's transition reading", async () => {
    const tst = now() - 2;
    // The poster's transition message.
    const transition = {
      _type: "transition",
      wtst: 1425042603,
      lat: 12.34,
      lon: 44.5,
      tst,
      acc: 130,
      tid: "JP",
      event: "enter",
      desc: "my Indian restaurant",
      t: "b",
    };
    await publishJson(phone, `${baseTopic()}/event`, transition);
    const reading = await waitForRow(
      () => vigil.sql<{ state: string; value_text: string; recorded_at: Date; extra: Record<string, unknown> }[]>`
        select r.state, r.value_text, r.recorded_at, r.extra from sensor_readings r join devices d on d.id = r.device_id
        where d.external_id = ${device.externalId} and r.kind = 'transition'`,
    );
    expect(reading).toMatchObject({ state: "enter", value_text: "my Indian restaurant" });
    expect(reading.recorded_at.getTime()).toBe(tst * 1000);
    expect(reading.extra).toMatchObject({ lat: 12.34, lon: 44.5, wtst: 1425042603, t: "b" });
  });

  test("the app's other messages are accepted and dropped, without quarantine", async () => {
    const before = await readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "owntracks", result: "ignored" });
    // Booklet examples: a waypoint, a card, steps and a status message.
    await publishJson(phone, `${baseTopic()}/waypoint`, {
      _type: "waypoint",
      desc: "Home",
      lat: 48.85833,
      lon: 2.29513,
      rad: 100,
      tst: 1425042603,
    });
    await publishJson(phone, baseTopic(), { _type: "card", name: "Jane", tid: "JJ" });
    await publishJson(phone, `${baseTopic()}/step`, { _type: "steps", tst: now(), steps: -1, from: 0, to: 0 });
    await publishJson(phone, `${baseTopic()}/status`, { _type: "status" });
    await waitFor(
      async () =>
        (await readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "owntracks", result: "ignored" })) >=
        before + 4,
    );
    expect(await quarantined(`owntracks/`)).toEqual([]);
    expect(await quarantined(`device/${device.externalId}`)).toEqual([]);
  });

  test("a location that breaks the native schema is quarantined under the phone's tenant, naming the field", async () => {
    await publishJson(phone, baseTopic(), { _type: "location", lat: 123.4, lon: 2.29, tst: now() });
    const [entry] = await waitFor(async () => {
      const rows = await quarantined(`guard/${guard.externalId}/gps`);
      return rows.length > 0 && rows;
    });
    expect(entry).toMatchObject({ reason: "invalid_schema" });
    expect(entry!.detail).toMatch(/^lat:/);
    expect(entry!.tenant_id).not.toBeNull();
  });

  test("the app's last will marks the phone offline at once, with one offline alert", async () => {
    const { device: other } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const app = await connectDevice(vigil.mqttUrl, other.mqtt, {
      will: {
        topic: `owntracks/${other.externalId}/pixel`,
        payload: Buffer.from(JSON.stringify({ _type: "lwt", tst: now() })),
        qos: 1,
        retain: false,
      },
    });
    // The connection drops without a DISCONNECT (the phone lost its network): the broker publishes the will.
    app.stream.destroy();
    const row = await waitForRow(
      () => vigil.sql<{ offline_since: Date }[]>`
        select offline_since from devices where external_id = ${other.externalId} and offline_since is not null`,
    );
    expect(row.offline_since.getTime()).toBeGreaterThan(Date.now() - 30_000);
    const alerts = await vigil.sql<{ type: string; status: string }[]>`
      select a.type, a.status from alerts a join devices d on d.id = a.device_id where d.external_id = ${other.externalId}`;
    expect(alerts).toEqual([{ type: "offline", status: "NEW" }]);
  });
});

describe("OwnTracks ACL on the embedded broker", () => {
  test("a phone publishing under another user's topic, or on its own command topic, is disconnected", async () => {
    const { device: other } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const forged = [
      [`owntracks/${other.externalId}/iPhone`, { _type: "location", lat: 48.1, lon: 2.1, tst: now() }],
      [`${baseTopic()}/cmd`, { _type: "cmd", action: "reportLocation" }],
    ] as const;
    for (const [topic, payload] of forged) {
      const client = await connectDevice(vigil.mqttUrl, device.mqtt);
      client.publish(topic, JSON.stringify(payload), { qos: 1 });
      await closed(client);
    }
    const refused = await waitFor(async () => {
      const rows = await vigil.sql<{ topic: string }[]>`
        select topic from mqtt_quarantine where reason = 'not_authorized' and topic like 'owntracks/%' order by id`;
      return rows.length >= 2 && rows;
    });
    expect(refused.map((r) => r.topic)).toEqual(forged.map(([topic]) => topic));
    const [row] = await vigil.sql<{ n: number }[]>`select count(*)::int as n from guard_locations where lat = 48.1`;
    expect(row!.n).toBe(0);
  });

  test("a phone subscribes to its own command topic; the app's default subscriptions are refused, and it stays connected", async () => {
    const client = await connectDevice(vigil.mqttUrl, device.mqtt);
    clients.push(client);
    const outcome = (topic: string) =>
      client.subscribeAsync(topic, { qos: 1 }).then(
        () => "granted",
        // A SUBACK failure (0x80), not a closed connection.
        (error: Error) => (/Subscribe error/.test(error.message) ? "refused" : `failed: ${error.message}`),
      );
    expect(await outcome(`${baseTopic()}/cmd`)).toBe("granted");
    for (const topic of [
      "owntracks/+/+",
      "owntracks/+/+/event",
      "owntracks/+/+/info",
      `owntracks/${guard.externalId}/iPhone/cmd`,
    ]) {
      expect(await outcome(topic)).toBe("refused");
    }
    await publishJson(client, baseTopic(), { _type: "location", lat: 48.2, lon: 2.2, tst: now() });
    expect(client.connected).toBe(true);
  });
});
