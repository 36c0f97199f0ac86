// Traccar Client and OsmAnd (traccar.org/osmand): a fix as query fields or as
// Traccar Client 9's JSON body, identified by the device's tracking key.
// Payloads are the document's examples with its placeholders filled and the
// times moved to now (positions are stored in time partitions around it).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../../test/harness/api-client";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitForRow } from "../../../test/harness/wait-for";

type Phone = DeviceResponse & { trackingKey: string };

let vigil: TestVigil;
let guard: GuardResponse;
let device: Phone;

beforeAll(async () => {
  vigil = await startTestVigil();
  const created = await createGuardWithPhone(vigil.url, vigil.adminToken);
  guard = created.guard;
  device = created.device as Phone;
});

afterAll(async () => {
  await vigil?.dispose();
});

const osmand = (query: string, init?: RequestInit) => fetch(`${vigil.url}/api/v1/ingest/osmand?${query}`, init);
const messageOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message;

const storedFixes = (lat: number) => vigil.sql<
  {
    lat: number;
    lon: number;
    speed: number | null;
    heading: number | null;
    accuracy_m: number | null;
    battery: number | null;
    recorded_at: Date;
  }[]
>`
  select l.lat, l.lon, l.speed, l.heading, l.accuracy_m, l.battery, l.recorded_at
  from guard_locations l join guards g on g.id = l.guard_id where g.external_id = ${guard.externalId} and l.lat = ${lat}`;

const fixAt = (lat: number) => waitForRow(() => storedFixes(lat));

describe("GET|POST /api/v1/ingest/osmand", () => {
  test("registration issues a tracking key of at least 128 bits, shown once beside the MQTT password", () => {
    expect(Buffer.from(device.trackingKey, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(device.trackingKey).not.toBe(device.mqtt.password);
  });

  test("the query form moves the guard, stored by the time of the answer: timestamp in epoch seconds, speed in knots, bearing, altitude, accuracy, batt", async () => {
    const t = Math.floor(Date.now() / 1000) - 10;
    // traccar.org/osmand: ?id=123456&lat={0}&lon={1}&timestamp={2}&hdop={3}&altitude={4}&speed={5}, and bearing, accuracy, batt.
    const response = await osmand(
      `id=${device.trackingKey}&lat=52.52&lon=13.405&timestamp=${t}&hdop=1.2&altitude=50&speed=10&bearing=90&accuracy=12&batt=85`,
    );
    expect(response.status).toBe(200);
    // This process ingests: the answer comes after the fix's commit, so the row is there at once.
    const [row] = await storedFixes(52.52);
    expect(row).toMatchObject({ lon: 13.405, heading: 90, accuracy_m: 12, battery: 85 });
    expect(row!.speed).toBeCloseTo(5.1444, 3); // 10 knots
    expect(row!.recorded_at.getTime()).toBe(t * 1000);
  });

  test("Traccar Client's JSON body moves the guard: ISO time, speed in m/s, battery level 0-1", async () => {
    const at = new Date(Date.now() - 5000).toISOString();
    // traccar.org/osmand, the JSON format of Traccar Client 9.
    const body = {
      location: {
        timestamp: at,
        coords: { latitude: 48.2082, longitude: 16.3738, accuracy: 5, speed: 1.5, heading: 180, altitude: 170 },
        is_moving: true,
        odometer: 0,
        event: "motionchange",
        battery: { level: 0.42, is_charging: false },
        activity: { type: "walking" },
        extras: {},
      },
      device_id: device.trackingKey,
    };
    const response = await fetch(`${vigil.url}/api/v1/ingest/osmand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const row = await fixAt(48.2082);
    expect(row).toMatchObject({ lon: 16.3738, speed: 1.5, heading: 180, accuracy_m: 5, battery: 42 });
    expect(row.recorded_at.toISOString()).toBe(at);
  });

  test("a form-encoded POST works as the query does", async () => {
    const response = await fetch(`${vigil.url}/api/v1/ingest/osmand`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `id=${device.trackingKey}&lat=41.9&lon=12.5&timestamp=${new Date(Date.now() - 2000).toISOString()}`,
    });
    expect(response.status).toBe(200);
    await fixAt(41.9);
  });

  test("an unknown key, or the device's public id, is 401", async () => {
    expect((await osmand(`id=${"x".repeat(27)}&lat=1&lon=1`)).status).toBe(401);
    const byExternalId = await osmand(`id=${device.externalId}&lat=1&lon=1`);
    expect(byExternalId.status).toBe(401);
    expect(await messageOf(byExternalId)).toMatch(/^id:/);
  });

  test("a bad field is 400 naming it, and kept in quarantine under the device's tenant without its key", async () => {
    const response = await osmand(`id=${device.trackingKey}&lat=123.4&lon=1`);
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/^lat:/);
    const json = await fetch(`${vigil.url}/api/v1/ingest/osmand`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ location: { coords: { latitude: 1, longitude: "east" } }, device_id: device.trackingKey }),
    });
    expect(json.status).toBe(400);
    expect(await messageOf(json)).toMatch(/^location\.coords\.longitude:/);
    expect((await osmand(`lat=1&lon=1`)).status).toBe(400);

    const row = await waitForRow(
      () => vigil.sql<{ reason: string; detail: string; payload: string; tenant_id: string | null }[]>`
        select reason, detail, payload, tenant_id from mqtt_quarantine where topic = '/api/v1/ingest/osmand' and detail like 'lat:%'`,
    );
    expect(row.reason).toBe("invalid_schema");
    expect(row.tenant_id).not.toBeNull();
    expect(row.payload).not.toContain(device.trackingKey);
  });

  test("each fix keeps its battery level and the phone alive; the phone's telemetry stores the level when it changes", async () => {
    const { guard: walker, device: phone } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const key = (phone as Phone).trackingKey;
    const t = Math.floor(Date.now() / 1000) - 30;
    for (const [i, batt] of [50, 50, 50, 49].entries()) {
      const response = await osmand(`id=${key}&lat=40.${i + 1}&lon=3.7&timestamp=${t + i}&batt=${batt}`);
      expect(response.status).toBe(200);
    }
    const fixes = await vigil.sql<{ battery: number }[]>`
      select l.battery from guard_locations l join guards g on g.id = l.guard_id
      where g.external_id = ${walker.externalId} order by l.recorded_at`;
    expect(fixes.map((f) => f.battery)).toEqual([50, 50, 50, 49]);
    const readings = await vigil.sql<{ battery: number }[]>`
      select t.battery from device_telemetry t join devices d on d.id = t.device_id
      where d.external_id = ${phone.externalId} order by t.recorded_at`;
    expect(readings.map((r) => r.battery)).toEqual([50, 49]);
  });

  test("a phone whose fixes carry no battery level (so no telemetry at all) is heard from: its liveness", async () => {
    const { device: phone } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const at = new Date(Date.now() - 1000).toISOString();
    expect((await osmand(`id=${(phone as Phone).trackingKey}&lat=39.5&lon=2.6&timestamp=${at}`)).status).toBe(200);
    await waitForRow(
      () => vigil.sql`select 1 from devices where external_id = ${phone.externalId} and last_seen_at is not null`,
      { timeoutMs: 15_000, what: "the phone heard from" },
    );
  });

  test("rotating the device's credentials replaces its tracking key", async () => {
    const rotated = await api<{ trackingKey: string }>(vigil.url, `/api/v1/devices/${device.externalId}/credentials`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.trackingKey).not.toBe(device.trackingKey);
    expect((await osmand(`id=${rotated.body.trackingKey}&lat=30.5&lon=30.5`)).status).toBe(200);
    await fixAt(30.5);
  });
});
