// An OwnTracks phone learns its guard's sites as regions: when the guard is
// assigned, when the site's fences change, and when the phone first speaks,
// Vigil sends the app's `setWaypoints` command in the shape of the booklet
// (owntracks.org/booklet/features/waypoints, "Remote loading of regions":
// `{_type: cmd, action: setWaypoints, waypoints: {_type: waypoints, waypoints:
// [{_type: waypoint, tst, rid, desc, rad, lat, lon}]}}`), on the phone's `cmd`
// topic in MQTT mode and in the answer to its next post in HTTP mode
// (booklet, tech/http). The location payloads are the booklet's (tech/json).
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createGuardWithPhone, uniqueId, type DeviceResponse } from "../../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";
import { postOwnTracks } from "../../../test/harness/owntracks-http";

let vigil: TestVigil;
const clients: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await endQuietly(...clients);
  await vigil?.dispose();
});

// The booklet's own waypoint example ("Paris is lovely": 48.858330, 2.295130, 50 m) as a site's circle fence.
const EIFFEL: [number, number] = [2.29513, 48.85833];
const SQUARE = [
  [2.3, 48.86],
  [2.302, 48.86],
  [2.302, 48.861],
  [2.3, 48.861],
  [2.3, 48.86],
];
const location = () => ({ _type: "location", lat: 48.85833, lon: 2.29513, tst: Math.floor(Date.now() / 1000) });

type SiteResponse = { id: string; name: string; geofences: { id: string; name: string }[] };

async function call<T>(method: string, path: string, body?: unknown) {
  return api<T>(vigil.url, path, { method, token: vigil.adminToken, body });
}

async function createSite(fences: unknown[]): Promise<SiteResponse> {
  const { status, body } = await call<SiteResponse>("POST", "/api/v1/sites", {
    name: uniqueId("site"),
    geofences: fences,
  });
  expect(status).toBe(201);
  return body;
}

const circle = { name: "tower", circle: { center: EIFFEL, radiusM: 50 }, bufferM: 10 };
const square = { name: "car park", geometry: { type: "Polygon", coordinates: [SQUARE] }, bufferM: 10 };

async function assign(guardExternalId: string, siteId: string) {
  expect((await call("POST", `/api/v1/guards/${guardExternalId}/assignments`, { siteId })).status).toBe(201);
}

async function topicLearned(device: DeviceResponse, name: string) {
  await waitFor(async () => {
    const [row] = await vigil.sql<{ topic: string | null }[]>`
      select owntracks_topic as topic from devices where external_id = ${device.externalId}`;
    return row?.topic === `owntracks/${device.externalId}/${name}`;
  });
}

/** No sync or publish job is left: whatever Vigil was going to queue or send, it has. */
async function jobsSettled() {
  await waitFor(async () => {
    const [row] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from graphile_worker.jobs
      where task_identifier in ('sync_owntracks_waypoints', 'publish_device_command')`;
    return row!.n === 0;
  });
}

async function listenToCommands(device: DeviceResponse, name: string) {
  const phone = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(phone);
  const commands: { topic: string; json: Record<string, unknown> }[] = [];
  phone.on("message", (topic, payload) => commands.push({ topic, json: JSON.parse(payload.toString()) }));
  await phone.subscribeAsync(`owntracks/${device.externalId}/${name}/cmd`, { qos: 1 });
  return { phone, commands };
}

type SetWaypoints = { waypoints: { _type: string; waypoints: Record<string, unknown>[] } };

describe("OwnTracks regions (setWaypoints)", () => {
  test("MQTT mode: assigning the guard sends the site's fences as regions; a fence change sends them again", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const { phone, commands } = await listenToCommands(device, "iPhone");
    await publishJson(phone, `owntracks/${device.externalId}/iPhone`, location());
    await topicLearned(device, "iPhone");
    await jobsSettled();
    expect(commands).toEqual([]); // no site yet: nothing to send

    const site = await createSite([circle, square]);
    await assign(guard.externalId, site.id);
    await waitFor(() => commands.length === 1);
    const [first] = commands;
    expect(first!.topic).toBe(`owntracks/${device.externalId}/iPhone/cmd`);
    expect(first!.json).toMatchObject({ _type: "cmd", action: "setWaypoints", waypoints: { _type: "waypoints" } });
    const regions = (first!.json as SetWaypoints).waypoints.waypoints;
    const tower = site.geofences.find((f) => f.name === "tower")!;
    const carPark = site.geofences.find((f) => f.name === "car park")!;
    // Fences saved together share their creation time: the list's order between them is the ids'.
    expect([...regions].sort((a, b) => String(a.desc).localeCompare(String(b.desc)))).toEqual([
      {
        _type: "waypoint",
        desc: `${site.name}: car park`,
        lat: 48.8605,
        lon: 2.301,
        // Half the square's diagonal (about 147 x 111 m), rounded up: the region holds the whole polygon.
        rad: expect.any(Number),
        tst: expect.any(Number),
        rid: carPark.id,
      },
      {
        _type: "waypoint",
        desc: `${site.name}: tower`,
        lat: 48.85833,
        lon: 2.29513,
        rad: 50,
        tst: expect.any(Number),
        rid: tower.id,
      },
    ]);
    const carParkRegion = regions.find((w) => w.rid === carPark.id)!;
    expect(carParkRegion.rad).toBeGreaterThanOrEqual(92);
    expect(carParkRegion.rad).toBeLessThanOrEqual(93);

    // Saving the site unchanged sends nothing; a new fence sends the list again, the kept fences under their rid.
    const fencesOf = (s: SiteResponse) =>
      s.geofences.map((f) => ({ ...[circle, square].find((c) => c.name === f.name)!, id: f.id }));
    expect((await call("PUT", `/api/v1/sites/${site.id}`, { name: site.name, geofences: fencesOf(site) })).status).toBe(
      200,
    );
    await jobsSettled();
    expect(commands).toHaveLength(1);
    const gate = { name: "gate", circle: { center: [2.296, 48.859], radiusM: 20 }, bufferM: 5 };
    const replaced = await call("PUT", `/api/v1/sites/${site.id}`, {
      name: site.name,
      geofences: [...fencesOf(site), gate],
    });
    expect(replaced.status).toBe(200);
    await waitFor(() => commands.length === 2);
    const again = (commands[1]!.json as SetWaypoints).waypoints.waypoints;
    expect(again.map((w) => w.rid)).toEqual(expect.arrayContaining([tower.id, carPark.id]));
    expect(again.map((w) => w.desc)).toContain(`${site.name}: gate`);
  });

  test("a GPS checkpoint of the guard's site is a region under its own id and name; adding one sends the list again", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const { phone, commands } = await listenToCommands(device, "checkpoints");
    await publishJson(phone, `owntracks/${device.externalId}/checkpoints`, location());
    await topicLearned(device, "checkpoints");
    const site = await createSite([circle]);
    await assign(guard.externalId, site.id);
    await waitFor(() => commands.length === 1);
    // A checkpoint proven by scan only (no point) is no region.
    const scanOnly = await call("POST", `/api/v1/sites/${site.id}/checkpoints`, { name: "Lobby desk" });
    expect(scanOnly.status).toBe(201);
    await jobsSettled();
    expect(commands).toHaveLength(1);
    const post = await call<{ id: string }>("POST", `/api/v1/sites/${site.id}/checkpoints`, {
      name: "North gate",
      lat: 48.8591,
      lon: 2.2962,
      radiusM: 25,
    });
    expect(post.status).toBe(201);
    await waitFor(() => commands.length === 2);
    const regions = (commands[1]!.json as SetWaypoints).waypoints.waypoints;
    expect(regions).toContainEqual({
      _type: "waypoint",
      desc: "North gate",
      lat: 48.8591,
      lon: 2.2962,
      rad: 25,
      tst: expect.any(Number),
      rid: post.body.id,
    });
    expect(regions.map((w) => w.desc)).not.toContain("Lobby desk");
  });

  test("a phone that first speaks after its guard was assigned gets the regions then", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const site = await createSite([circle]);
    await assign(guard.externalId, site.id);
    await jobsSettled();
    const { phone, commands } = await listenToCommands(device, "pixel");
    await publishJson(phone, `owntracks/${device.externalId}/pixel`, location());
    await waitFor(() => commands.length === 1);
    expect(commands[0]!.json).toMatchObject({ action: "setWaypoints" });
    expect((commands[0]!.json as SetWaypoints).waypoints.waypoints).toHaveLength(1);
  });

  test("HTTP mode: the regions wait for the app's next post and come back in its answer, once", async () => {
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
    const post = async () => {
      const response = await postOwnTracks(vigil.url, device.mqtt, location(), { deviceName: "android" });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>[];
    };
    expect(await post()).toEqual([]);
    await topicLearned(device, "android");
    await jobsSettled();

    const site = await createSite([circle]);
    await assign(guard.externalId, site.id);
    await jobsSettled();
    const answer = await post();
    expect(answer).toEqual([
      {
        _type: "cmd",
        action: "setWaypoints",
        waypoints: {
          _type: "waypoints",
          waypoints: [expect.objectContaining({ rid: site.geofences[0]!.id, rad: 50 })],
        },
      },
    ]);
    expect(await post()).toEqual([]);
  });
});
