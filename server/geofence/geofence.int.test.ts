// Sites and fences through the API, then guards walking through MQTT: jitter
// along an edge raises nothing, a confirmed exit raises one critical alert with
// its reasons and flags the location rows, the return closes it, off shift
// (or deactivated) there is nothing, and a fence change applies to the next fixes.
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocationDto } from "../contracts/api";
import type { AlertDetailDto } from "../contracts/alert-api";
import type { SiteDto, ViolationDto } from "../contracts/sites";
import {
  api,
  createGuardWithPhone,
  type ApiError,
  type DeviceResponse,
  type GuardResponse,
} from "../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { metrics } from "../observability/metrics";

const CENTRE = { lat: 12.9716, lon: 77.5946 };
const M_LON = 1 / (111_320 * Math.cos((CENTRE.lat * Math.PI) / 180));

let vigil: TestVigil;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

const post = <T>(path: string, body: unknown, method = "POST") =>
  api<T>(vigil.url, path, { token: vigil.adminToken, method, body });

/** A circle of radius 100 m around CENTRE with a 10 m buffer, confirmed by 3 fixes. */
async function createSite(name: string): Promise<SiteDto> {
  const response = await post<SiteDto>("/api/v1/sites", {
    name,
    timezone: "Asia/Kolkata",
    geofences: [{ name: "perimeter", circle: { center: [CENTRE.lon, CENTRE.lat], radiusM: 100 }, bufferM: 10 }],
  });
  expect(response.status).toBe(201);
  return response.body;
}

type Walker = { guard: GuardResponse; device: DeviceResponse; phone: MqttClient; t: number };

async function walker(site: SiteDto, shifts?: unknown): Promise<Walker> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const assigned = await post(`/api/v1/guards/${guard.externalId}/assignments`, { siteId: site.id, shifts });
  expect(assigned.status).toBe(201);
  const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(phone);
  return { guard, device, phone, t: Date.now() - 600_000 };
}

/** A fix `metresEast` of CENTRE, 30 s after the walker's previous one. */
async function step(w: Walker, metresEast: number, accuracy: number): Promise<string> {
  w.t += 30_000;
  const timestamp = new Date(w.t).toISOString();
  await publishJson(w.phone, `guard/${w.guard.externalId}/gps`, {
    lat: CENTRE.lat,
    lon: CENTRE.lon + metresEast * M_LON,
    accuracy,
    timestamp,
  });
  return timestamp;
}

const locationsOf = async (w: Walker) =>
  (await api<LocationDto[]>(vigil.url, `/api/v1/guards/${w.guard.externalId}/locations`, { token: vigil.adminToken }))
    .body;
const violationsOf = async (w: Walker) =>
  (
    await api<ViolationDto[]>(vigil.url, `/api/v1/guards/${w.guard.externalId}/violations`, {
      token: vigil.adminToken,
    })
  ).body;
const stored = (w: Walker, n: number) => waitFor(async () => ((await locationsOf(w)).length >= n ? true : false));

describe("sites API", () => {
  test("invalid geometry gets a 422 that says why", async () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [77.59, 12.97],
          [77.6, 12.98],
          [77.6, 12.97],
          [77.59, 12.98],
          [77.59, 12.97],
        ],
      ],
    };
    const cases: [unknown, string, RegExp][] = [
      [{ geometry: bowTie }, "geofences.0.geometry.coordinates", /cross themselves/],
      [
        {
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [77.59, 12.97],
                [77.6, 12.98],
              ],
            ],
          },
        },
        "geofences.0.geometry.coordinates.0",
        /at least 3 distinct points/,
      ],
      [{ circle: { center: [77.59, 12.97], radiusM: 0 } }, "geofences.0.circle.radiusM", /more than 0 m/],
      [{}, "geofences.0.geometry", /either geometry/],
    ];
    for (const [fence, path, message] of cases) {
      const response = await post<ApiError>("/api/v1/sites", { name: "Bad", geofences: [fence] });
      expect(response.status).toBe(422);
      expect(response.body.error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });

  test("a site is created, listed and replaced, keeping the fences given with their id", async () => {
    const site = await createSite("Tech Park");
    expect(site.geofences[0]).toMatchObject({ name: "perimeter", bufferM: 10, confirmFixes: 3, geometry: null });
    const listed = await api<SiteDto[]>(vigil.url, "/api/v1/sites", { token: vigil.adminToken });
    expect(listed.body.map((s) => s.id)).toContain(site.id);

    const kept = site.geofences[0]!;
    const square = [
      [77.59, 12.97],
      [77.591, 12.97],
      [77.591, 12.971],
      [77.59, 12.971],
    ];
    const replaced = await post<SiteDto>(
      `/api/v1/sites/${site.id}`,
      {
        name: "Tech Park East",
        geofences: [
          { ...kept, id: kept.id, bufferM: 25 },
          { name: "car park", geometry: { type: "Polygon", coordinates: [square] } },
        ],
      },
      "PUT",
    );
    expect(replaced.body).toMatchObject({ name: "Tech Park East" });
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toBe("Tech Park East");
    expect(replaced.body.geofences).toHaveLength(2);
    expect(replaced.body.geofences.find((f) => f.id === kept.id)?.bufferM).toBe(25);
    // The ring was closed for the caller.
    expect(replaced.body.geofences.find((f) => f.name === "car park")?.geometry?.coordinates[0]).toHaveLength(5);
  });
});

describe("geofence violations through MQTT", () => {
  test("jitter along the edge raises nothing; a confirmed exit raises one critical alert with its reasons", async () => {
    const site = await createSite("Warehouse");
    const w = await walker(site);
    await step(w, 0, 10);
    // Ten fixes 5 m beyond the fence plus buffer, each with 20 m accuracy: never clearly outside.
    for (let i = 0; i < 10; i += 1) await step(w, 115, 20);
    await stored(w, 11);
    expect(await violationsOf(w)).toEqual([]);

    // Three fixes 200 m outside with 10 m accuracy confirm a violation at the third.
    await step(w, 300, 10);
    await step(w, 310, 10);
    const confirmedAt = await step(w, 320, 10);
    const [violation] = await waitFor(async () => {
      const list = await violationsOf(w);
      return list.length > 0 && list;
    });
    expect(violation).toMatchObject({
      siteId: site.id,
      geofenceId: site.geofences[0]!.id,
      startedAt: confirmedAt,
      accuracyM: 10,
      confirmedFixes: 3,
      confirmedSeconds: 60,
      endedAt: null,
    });
    expect(violation!.metresOutside).toBeCloseTo(210, 0);
    expect(violation!.alertId).toBeTruthy();

    const alert = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${violation!.alertId}`, {
      token: vigil.adminToken,
    });
    expect(alert.body).toMatchObject({ type: "geofence-violation", severity: "critical", status: "NEW" });
    expect(alert.body.message).toMatch(/210 m outside Warehouse \(perimeter\)/);
    expect(alert.body.lat).toBeCloseTo(CENTRE.lat, 5);

    // Only the fix that confirmed it (and later ones outside) carry the flag.
    const flags = (await locationsOf(w)).map((l) => l.geofenceViolation);
    expect(flags.slice(-3)).toEqual([false, false, true]);
    expect(flags.filter(Boolean)).toHaveLength(1);

    // Still outside: no second violation, no second alert.
    await step(w, 330, 10);
    // Back inside the fence: the violation closes and the alert's log says so.
    const returnedAt = await step(w, 20, 10);
    const closed = await waitFor(async () => {
      const [v] = await violationsOf(w);
      return v?.endedAt ? v : false;
    });
    expect(closed.endedAt).toBe(returnedAt);
    const detail = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${violation!.alertId}`, {
      token: vigil.adminToken,
    });
    expect(detail.body.events.map((e) => e.action)).toContain("guard-returned");

    // An old fix from outside, arriving late, goes into history but changes nothing.
    w.t -= 10 * 60_000;
    await step(w, 400, 5);
    await stored(w, 17);
    const [state] = await vigil.sql<{ status: string }[]>`
      select status from guard_fence_states where guard_id = ${w.guard.id}`;
    expect(state!.status).toBe("inside");
    expect(await violationsOf(w)).toHaveLength(1);

    const events = await vigil.sql<{ kind: string }[]>`
      select kind from geofence_events where guard_id = ${w.guard.id} and geofence_id = ${site.geofences[0]!.id}
      order by at, id`;
    expect(events.map((e) => e.kind)).toEqual(["enter", "exit", "enter"]);
  });

  test("off shift there are no violations", async () => {
    const site = await createSite("Night depot");
    // A shift that does not include now in any time zone: the day after tomorrow, 03:00-03:01.
    const today = new Date().getUTCDay() || 7;
    const dayAfterTomorrow = ((today + 1) % 7) + 1;
    const w = await walker(site, [{ days: [dayAfterTomorrow], from: "03:00", to: "03:01" }]);
    w.t = Date.now() - 5 * 60_000;
    for (let i = 0; i < 5; i += 1) await step(w, 500, 5);
    await stored(w, 5);
    expect(await violationsOf(w)).toEqual([]);
  });

  test("a deactivated guard raises no violation; reactivated, the same walk does", async () => {
    const site = await createSite("Quiet gate");
    const w = await walker(site);
    await step(w, 0, 5);
    await stored(w, 1);
    const fenceChanges = async () =>
      (await metrics.cacheInvalidations.get()).values.find((v) => v.labels.cache === "fences")?.value ?? 0;
    const setActive = async (active: boolean) => {
      const before = await fenceChanges();
      const response = await post(`/api/v1/guards/${w.guard.externalId}`, { active }, "PATCH");
      expect(response.status).toBe(200);
      await waitFor(async () => (await fenceChanges()) > before, { what: "the guard's change to reach the ingestor" });
    };

    await setActive(false);
    for (let i = 0; i < 4; i += 1) await step(w, 500, 5);
    await stored(w, 5);
    expect(await violationsOf(w)).toEqual([]);

    await setActive(true);
    for (let i = 0; i < 4; i += 1) await step(w, 500, 5);
    await stored(w, 9);
    const [violation] = await waitFor(async () => {
      const found = await violationsOf(w);
      return found.length > 0 ? found : undefined;
    });
    expect(violation!.siteId).toBe(site.id);
  });

  test("a fence change applies to the next fixes, without a restart", async () => {
    const site = await createSite("Growing yard");
    const w = await walker(site);
    await step(w, 0, 5);
    await stored(w, 1);
    const fenceChanges = async () =>
      (await metrics.cacheInvalidations.get()).values.find((v) => v.labels.cache === "fences")?.value ?? 0;
    const changesBefore = await fenceChanges();
    const grown = await post<SiteDto>(
      `/api/v1/sites/${site.id}`,
      { name: site.name, geofences: [{ circle: { center: [CENTRE.lon, CENTRE.lat], radiusM: 1000 }, bufferM: 10 }] },
      "PUT",
    );
    expect(grown.status).toBe(200);
    // The ingestor (in this process) has dropped the tenant's cached fences on the change's NOTIFY.
    await waitFor(async () => (await fenceChanges()) > changesBefore, {
      what: "the fence change to reach the ingestor",
    });
    for (let i = 0; i < 4; i += 1) await step(w, 500, 5);
    await stored(w, 5);
    expect(await violationsOf(w)).toEqual([]);
  });
});
