// OwnTracks region transitions as checkpoint visits, against a real Vigil,
// broker and PostgreSQL: a guard's phone entering a region that is a GPS
// checkpoint (its `rid` the checkpoint's id, or its `desc` the checkpoint's
// name at the guard's site) visits it for the guard's open run, at the
// transition's time; leaving, or entering a region that is no checkpoint,
// visits nothing. Payloads are shaped as in the booklet (tech/json,
// `_type: transition` on `owntracks/user/device/event`).
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CheckpointDto, TourDto, TourRunDto } from "../../contracts/patrols";
import type { SiteDto } from "../../contracts/sites";
import type { Broadcaster } from "../../realtime/broadcaster";
import { advanceTourRuns } from "../../services/patrols/advance-tour-runs";
import { api, createGuardWithPhone, type DeviceResponse, type GuardResponse } from "../../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";

let vigil: TestVigil;
let phone: MqttClient;
let guard: GuardResponse;
let device: DeviceResponse;
let site: SiteDto;
const silent: Broadcaster = { toTenant: () => {}, toUser: () => {} };
// Each transition its own second: the app's `tst` is what tells two messages apart (their msg_id).
let tst = 0;

beforeAll(async () => {
  vigil = await startTestVigil();
  ({ guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken));
  site = (
    await api<SiteDto>(vigil.url, "/api/v1/sites", { token: vigil.adminToken, method: "POST", body: { name: "Depot" } })
  ).body;
  const assigned = await api(vigil.url, `/api/v1/guards/${guard.externalId}/assignments`, {
    token: vigil.adminToken,
    method: "POST",
    body: { siteId: site.id },
  });
  expect(assigned.status).toBe(201);
  phone = await connectDevice(vigil.mqttUrl, device.mqtt);
});

afterAll(async () => {
  await endQuietly(phone);
  await vigil?.dispose();
});

async function checkpoint(name: string, lat: number, lon: number): Promise<CheckpointDto> {
  const made = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
    token: vigil.adminToken,
    method: "POST",
    body: { name, lat, lon, radiusM: 30 },
  });
  expect(made.status).toBe(201);
  return made.body;
}

/** The booklet's transition, for a region the phone was given (rid) or made itself (desc only). */
function transition(event: "enter" | "leave", region: { rid?: string; desc: string }, lat: number, lon: number) {
  return {
    _type: "transition",
    wtst: 1425042603,
    lat,
    lon,
    tst: ++tst,
    acc: 10,
    tid: "RK",
    event,
    t: "c",
    ...region,
  };
}

test("entering a checkpoint's region, by its id or its name, visits it for the guard's run", async () => {
  const gate = await checkpoint("North gate", 12.9716, 77.5946);
  const bay = await checkpoint("Loading bay", 12.9721, 77.595);
  const roof = await checkpoint("Roof door", 12.9725, 77.5955);
  const started = new Date(Date.now() - 60_000);
  tst = Math.floor(started.getTime() / 1000) + 10;
  const tour = await api<TourDto>(vigil.url, `/api/v1/sites/${site.id}/tours`, {
    token: vigil.adminToken,
    method: "POST",
    body: {
      name: "Night round",
      checkpointIds: [gate.id, bay.id, roof.id],
      ordered: false,
      startAt: started.toISOString(),
      windowMinutes: 30,
      guardExternalId: guard.externalId,
    },
  });
  expect(tour.status).toBe(201);
  // Saving the tour queued the worker's pass; whichever of it and this call comes first makes the run, once.
  await advanceTourRuns(vigil.sql, silent);
  const runs = await vigil.sql`select id from tour_runs where tour_id = ${tour.body.id}`;
  expect(runs).toHaveLength(1);

  const topic = `owntracks/${device.externalId}/pixel/event`;
  // A region Vigil sent (rid = the checkpoint's id; its desc need not match).
  await publishJson(phone, topic, transition("enter", { rid: gate.id, desc: "Gate (North)" }, 12.9716, 77.5946));
  // Leaving it, and entering a region that is no checkpoint: nothing.
  await publishJson(phone, topic, transition("leave", { rid: roof.id, desc: "Roof door" }, 12.9725, 77.5955));
  await publishJson(phone, topic, transition("enter", { desc: "Canteen" }, 12.973, 77.596));
  // A region the guard made on the phone, named like the checkpoint.
  await publishJson(phone, topic, transition("enter", { desc: "Loading bay" }, 12.9721, 77.595));

  const run = await waitFor(async () => {
    const runs = await api<TourRunDto[]>(vigil.url, `/api/v1/tour-runs?siteId=${site.id}`, {
      token: vigil.adminToken,
    });
    const found = runs.body.find((r) => r.tourId === tour.body.id);
    return found && found.checkpoints.filter((c) => c.visitedAt !== null).length === 2 ? found : undefined;
  });
  expect(run.status).toBe("in_progress");
  const byName = Object.fromEntries(run.checkpoints.map((c) => [c.name, c]));
  expect(byName["North gate"]).toMatchObject({ method: "gps", guardExternalId: guard.externalId });
  expect(byName["Loading bay"]).toMatchObject({ method: "gps", guardExternalId: guard.externalId });
  expect(byName["Roof door"]).toMatchObject({ visitedAt: null, method: null });

  // Entering the last region completes the run.
  await publishJson(phone, topic, transition("enter", { rid: roof.id, desc: "Roof door" }, 12.9725, 77.5955));
  await waitFor(async () => {
    const [row] = await vigil.sql<{ status: string }[]>`select status from tour_runs where tour_id = ${tour.body.id}`;
    return row?.status === "completed";
  });
});
