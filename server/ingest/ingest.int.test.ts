// MQTT to database to browser on the embedded aedes broker: storage, live
// broadcast per tenant, dedupe by msg_id, quarantine of invalid input.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocationDto, TelemetryDto } from "../contracts/api";
import {
  api,
  createGuardWithPhone,
  logIn,
  type DeviceResponse,
  type GuardResponse,
} from "../../test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "../../test/harness/live-socket";
import { readMetric } from "../../test/harness/metrics";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { createTenant } from "../../test/harness/tenants";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor, waitForRow } from "../../test/harness/wait-for";

let vigil: TestVigil;
let guard: GuardResponse;
let device: DeviceResponse;
let phone: MqttClient;
const sockets: LiveSocket[] = [];
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
  phone = await connectDevice(vigil.mqttUrl, device.mqtt);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await endQuietly(phone, ...clients);
  await vigil?.dispose();
});

const locationsOf = async (externalId: string, token = vigil.adminToken) =>
  (await api<LocationDto[]>(vigil.url, `/api/v1/guards/${externalId}/locations`, { token })).body;

async function countRows(table: "guard_locations" | "device_telemetry", msgId: string): Promise<number> {
  const [row] = await vigil.sql<{ n: number }[]>`
    select count(*)::int as n from ${vigil.sql(table)} where msg_id = ${msgId}`;
  return row!.n;
}

describe("ingestion on the embedded broker", () => {
  test("GPS fixes are stored and listed oldest first, whatever order they arrive in", async () => {
    const t = Date.now();
    const newer = gpsFix({ lat: 12.2, lon: 77.2, timestamp: new Date(t - 1000).toISOString() });
    const older = gpsFix({ lat: 12.1, lon: 77.1, timestamp: new Date(t - 2000).toISOString() });
    await publishJson(phone, `guard/${guard.externalId}/gps`, newer);
    await publishJson(phone, `guard/${guard.externalId}/gps`, older);

    const locations = await waitFor(async () => {
      const list = await locationsOf(guard.externalId);
      return list.length >= 2 && list;
    });
    expect(locations.map((l) => [l.lat, l.lon])).toEqual([
      [12.1, 77.1],
      [12.2, 77.2],
    ]);
    expect(locations[0]).toMatchObject({ recordedAt: older.timestamp, accuracyM: 8 });
  });

  test("telemetry is stored and GET /api/v1/devices/{id} shows the latest", async () => {
    const t = Date.now();
    const topic = `device/${device.externalId}/telemetry`;
    await publishJson(phone, topic, {
      battery: 90,
      signal: -80,
      temperature: 30,
      timestamp: new Date(t - 5000).toISOString(),
    });
    const latest = { battery: 77, signal: -65, temperature: 31.5, timestamp: new Date(t - 1000).toISOString() };
    await publishJson(phone, topic, latest);

    const body = await waitFor(async () => {
      const response = await api<{ latestTelemetry: TelemetryDto | null; lastSeenAt: string | null }>(
        vigil.url,
        `/api/v1/devices/${device.externalId}`,
        { token: vigil.adminToken },
      );
      // Two reads without a snapshot: wait until both see the commit.
      return response.body.latestTelemetry?.battery === 77 && response.body.lastSeenAt !== null && response.body;
    });
    expect(body.latestTelemetry).toEqual({
      recordedAt: latest.timestamp,
      battery: 77,
      signalDbm: -65,
      temperatureC: 31.5,
    });
  });

  test("unknown extra fields of a fix are kept in its extra column", async () => {
    const fix = gpsFix({ firmware: "2.4.1", wifi: { ssid: "site-7" } });
    await publishJson(phone, `guard/${guard.externalId}/gps`, fix);
    const row = await waitForRow(
      () => vigil.sql<{ extra: unknown }[]>`select extra from guard_locations where msg_id = ${fix.msg_id!}`,
    );
    expect(row.extra).toEqual({ firmware: "2.4.1", wifi: { ssid: "site-7" } });
  });

  test("positions and telemetry are pushed to the tenant's sockets and not to another tenant's", async () => {
    const other = await createTenant(vigil.sql);
    const otherToken = await logIn(vigil.url, other);
    const otherPhone = await createGuardWithPhone(vigil.url, otherToken);
    const otherClient = await connectDevice(vigil.mqttUrl, otherPhone.device.mqtt);
    clients.push(otherClient);

    const mine = await connectSocket(vigil.url, vigil.adminToken);
    const theirs = await connectSocket(vigil.url, otherToken);
    sockets.push(mine, theirs);
    const myPositions = collect(mine, "guard:positions");
    const myTelemetry = collect(mine, "device:telemetry");
    const theirPositions = collect(theirs, "guard:positions");
    const theirTelemetry = collect(theirs, "device:telemetry");

    await publishJson(phone, `guard/${guard.externalId}/gps`, gpsFix({ lat: 13.5, lon: 78.5 }));
    await publishJson(phone, `device/${device.externalId}/telemetry`, {
      battery: 55,
      timestamp: new Date().toISOString(),
    });
    const pushed = await waitFor(() => myPositions.flat().find((p) => p.externalId === guard.externalId));
    expect(pushed).toMatchObject({ guardId: guard.id, lat: 13.5, lon: 78.5, name: guard.name });
    await waitFor(() => myTelemetry.flat().find((t) => t.externalId === device.externalId && t.battery === 55));

    // The other tenant's own fix is a barrier: Socket.IO keeps order per
    // connection, so anything of ours would have reached it before this.
    await publishJson(otherClient, `guard/${otherPhone.guard.externalId}/gps`, gpsFix());
    await waitFor(() => theirPositions.flat().some((p) => p.externalId === otherPhone.guard.externalId));
    expect(theirPositions.flat().map((p) => p.guardId)).toEqual([otherPhone.guard.id]);
    expect(theirTelemetry).toEqual([]);
    expect(myPositions.flat().some((p) => p.guardId === otherPhone.guard.id)).toBe(false);

    // And the other tenant cannot read the fixes over the API either.
    expect((await api(vigil.url, `/api/v1/guards/${guard.externalId}/locations`, { token: otherToken })).status).toBe(
      404,
    );
  });

  test("a socket without a valid token is refused", async () => {
    await expect(connectSocket(vigil.url, "not-a-token")).rejects.toThrow(/unauthenticated/);
  });
});

describe("duplicates and invalid input", () => {
  test("the same msg_id published twice is stored once", async () => {
    const fix = gpsFix();
    const topic = `guard/${guard.externalId}/gps`;
    await publishJson(phone, topic, fix);
    await waitFor(async () => (await countRows("guard_locations", fix.msg_id!)) === 1);
    const duplicatesBefore = await readMetric(vigil.url, "vigil_mqtt_messages_total", {
      family: "guard",
      result: "duplicate",
    });

    // Once after the first commit (a broker redelivery), twice in one batch (a device resend burst).
    await publishJson(phone, topic, fix);
    await Promise.all([publishJson(phone, topic, fix), publishJson(phone, topic, fix)]);
    const barrier = gpsFix();
    await publishJson(phone, topic, barrier);
    await waitFor(async () => (await countRows("guard_locations", barrier.msg_id!)) === 1);

    expect(await countRows("guard_locations", fix.msg_id!)).toBe(1);
    // Counted after commit, which this process may handle just after the query above sees the rows.
    const duplicates = () =>
      readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "guard", result: "duplicate" });
    await waitFor(async () => (await duplicates()) >= duplicatesBefore + 3, { what: "3 duplicates counted" });
    expect(await duplicates()).toBe(duplicatesBefore + 3);
  });

  test("a fix without its own time, sent twice, is stored once too", async () => {
    // Deduplicated by its msg_id alone (ingest_dedupe): its time is when it arrived, different each time.
    const { timestamp: _, ...fix } = gpsFix();
    const topic = `guard/${guard.externalId}/gps`;
    await publishJson(phone, topic, fix);
    await waitFor(async () => (await countRows("guard_locations", fix.msg_id!)) === 1);
    await publishJson(phone, topic, fix);
    const barrier = gpsFix();
    await publishJson(phone, topic, barrier);
    await waitFor(async () => (await countRows("guard_locations", barrier.msg_id!)) === 1);
    expect(await countRows("guard_locations", fix.msg_id!)).toBe(1);
  });

  test("the same msg_id from two different sources is stored for each", async () => {
    const msgId = "shared-msg-id";
    await publishJson(phone, `guard/${guard.externalId}/gps`, gpsFix({ msg_id: msgId }));
    await publishJson(phone, `device/${device.externalId}/telemetry`, { battery: 60, msg_id: msgId });
    await waitFor(async () => (await countRows("device_telemetry", msgId)) === 1);
    await waitFor(async () => (await countRows("guard_locations", msgId)) === 1);
  });

  test("an invalid payload is quarantined with its reason and counted in /metrics", async () => {
    const before = await readMetric(vigil.url, "vigil_mqtt_messages_total", {
      family: "guard",
      result: "invalid_schema",
    });
    const payload = JSON.stringify({ lat: 123.4, lon: 77.5, msg_id: "bad-lat" });
    await publishJson(phone, `guard/${guard.externalId}/gps`, payload);

    const row = await waitForRow(
      () => vigil.sql<{ reason: string; detail: string; payload: string; topic: string }[]>`
        select reason, detail, payload, topic from mqtt_quarantine where payload like '%bad-lat%'`,
    );
    expect(row).toMatchObject({ reason: "invalid_schema", topic: `guard/${guard.externalId}/gps`, payload });
    expect(row.detail).toMatch(/^lat: /);
    expect(await countRows("guard_locations", "bad-lat")).toBe(0);
    expect(
      await readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "guard", result: "invalid_schema" }),
    ).toBe(before + 1);
    expect(await readMetric(vigil.url, "vigil_quarantine_total", { reason: "invalid_schema" })).toBeGreaterThan(0);
  });

  test("text that is not JSON is quarantined as invalid_json and ingestion carries on", async () => {
    await publishJson(phone, `device/${device.externalId}/telemetry`, "battery=12; not json");
    const row = await waitForRow(
      () => vigil.sql<{ reason: string }[]>`select reason from mqtt_quarantine where payload = 'battery=12; not json'`,
    );
    expect(row.reason).toBe("invalid_json");
    expect(await readMetric(vigil.url, "vigil_mqtt_messages_total", { family: "device", result: "invalid_json" })).toBe(
      1,
    );

    const fix = gpsFix();
    await publishJson(phone, `guard/${guard.externalId}/gps`, fix);
    await waitFor(async () => (await countRows("guard_locations", fix.msg_id!)) === 1);
  });
});
