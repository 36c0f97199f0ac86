// Checkpoint scans and GPS visits through the real broker, ingestor and
// PostgreSQL: a guard's phones publish `guard/{guardId}/checkpoint` (QoS 1)
// and get a receipt saying what became of each scan; a resend is counted once;
// an unknown code, or another tenant's, is quarantined and never counted; an
// ordinary fix within a checkpoint's radius is a visit; the NOC hears of each
// run's progress over Socket.IO.
import { randomBytes } from "node:crypto";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CheckpointDto, TourDto, TourRunDto } from "../contracts/patrols";
import type { SiteDto } from "../contracts/sites";
import type { Broadcaster } from "../realtime/broadcaster";
import { advanceTourRuns } from "../services/patrols/advance-tour-runs";
import {
  api,
  createDevice,
  createGuardWithPhone,
  logIn,
  type DeviceResponse,
  type GuardResponse,
} from "../../test/harness/api-client";
import { collect, connectSocket, type LiveSocket } from "../../test/harness/live-socket";
import { connectDevice, endQuietly, gpsFix, publishJson } from "../../test/harness/mqtt-device";
import { createTenant } from "../../test/harness/tenants";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";

type ScanReceipt = { msg_id: string; checkpoint_id: string | null; result: string };

let vigil: TestVigil;
let site: SiteDto;
let guard: GuardResponse;
let phone: MqttClient;
let socket: LiveSocket;
const receipts: ScanReceipt[] = [];
const clients: MqttClient[] = [];
// The runs are made here rather than by the worker's minute, with no socket of their own.
const quiet: Broadcaster = { toTenant: () => {}, toUser: () => {} };

beforeAll(async () => {
  vigil = await startTestVigil();
  const made = await api<SiteDto>(vigil.url, "/api/v1/sites", {
    token: vigil.adminToken,
    method: "POST",
    body: { name: "Depot" },
  });
  site = made.body;
  const withPhone = await createGuardWithPhone(vigil.url, vigil.adminToken);
  guard = withPhone.guard;
  phone = await connect(withPhone.device);
  await phone.subscribeAsync(`guard/${guard.externalId}/receipts`, { qos: 1 });
  phone.on("message", (_topic, payload) => receipts.push(JSON.parse(payload.toString()) as ScanReceipt));
  socket = await connectSocket(vigil.url, vigil.adminToken);
});

afterAll(async () => {
  socket?.close();
  await endQuietly(...clients);
  await vigil?.dispose();
});

async function connect(device: DeviceResponse): Promise<MqttClient> {
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  clients.push(client);
  return client;
}

async function checkpoint(body: Record<string, unknown>): Promise<CheckpointDto> {
  const made = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
    token: vigil.adminToken,
    method: "POST",
    body,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
}

/** A tour due a minute ago, made into a run at once. */
async function dueTour(name: string, checkpoints: CheckpointDto[], ordered = true): Promise<TourDto> {
  const made = await api<TourDto>(vigil.url, `/api/v1/sites/${site.id}/tours`, {
    token: vigil.adminToken,
    method: "POST",
    body: {
      name,
      checkpointIds: checkpoints.map((c) => c.id),
      ordered,
      startAt: new Date(Date.now() - 60_000).toISOString(),
      windowMinutes: 30,
      guardExternalId: guard.externalId,
    },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  await advanceTourRuns(vigil.sql, quiet);
  return made.body;
}

async function runOf(tour: TourDto): Promise<TourRunDto> {
  const { body } = await api<TourRunDto[]>(vigil.url, `/api/v1/tour-runs?siteId=${site.id}`, {
    token: vigil.adminToken,
  });
  const run = body.find((r) => r.tourId === tour.id);
  if (!run) throw new Error(`no run of ${tour.name}`);
  return run;
}

async function scan(client: MqttClient, code: string, msgId: string, method = "qr"): Promise<ScanReceipt> {
  const seen = receipts.length;
  await publishJson(client, `guard/${guard.externalId}/checkpoint`, {
    code,
    method,
    timestamp: new Date().toISOString(),
    msg_id: msgId,
  });
  return waitFor(() => receipts.slice(seen).find((r) => r.msg_id === msgId), { what: `receipt of ${msgId}` });
}

const msgId = () => randomBytes(6).toString("hex");

describe("checkpoint scans over MQTT", () => {
  test("scans from the guard's phones complete a run, each answered by a receipt, and the NOC sees it move", async () => {
    const gates = [await checkpoint({ name: "North gate" }), await checkpoint({ name: "Loading bay" })];
    const tour = await dueTour("Ordered round", gates);
    const changes = collect(socket, "tour-runs:changed");
    // Any phone of the guard publishes under the guard's id.
    const secondPhone = await connect(
      await createDevice(vigil.url, vigil.adminToken, { guardExternalId: guard.externalId }),
    );

    const first = await scan(phone, gates[0]!.code, msgId());
    expect(first).toMatchObject({ checkpoint_id: gates[0]!.id, result: "counted" });
    await waitFor(() => changes.flat().some((r) => r.tourId === tour.id && r.status === "in_progress"), {
      what: "the run in progress on the NOC",
    });
    expect((await scan(secondPhone, gates[1]!.code, msgId(), "nfc")).result).toBe("counted");

    const run = await runOf(tour);
    expect(run.status).toBe("completed");
    expect(run.checkpoints.map((c) => [c.name, c.method, c.guardExternalId])).toEqual([
      ["North gate", "qr", guard.externalId],
      ["Loading bay", "nfc", guard.externalId],
    ]);
    const last = await waitFor(() => changes.flat().find((r) => r.id === run.id && r.status === "completed"));
    expect(last.checkpoints.every((c) => c.visitedAt !== null)).toBe(true);
  });

  test("a resent scan is counted once and gets the first answer again", async () => {
    const gates = [await checkpoint({ name: "Roof door" }), await checkpoint({ name: "Boiler room" })];
    const tour = await dueTour("Unordered round", gates, false);
    const id = msgId();
    expect((await scan(phone, gates[0]!.code, id)).result).toBe("counted");
    // Counted again, it would be "not_counted" (already visited): the answer is the stored one.
    expect(await scan(phone, gates[0]!.code, id)).toMatchObject({ checkpoint_id: gates[0]!.id, result: "counted" });
    const [visits] = await vigil.sql<{ n: number }[]>`
      select count(*)::int as n from tour_visits v join tour_runs r on r.id = v.run_id where r.tour_id = ${tour.id}`;
    expect(visits!.n).toBe(1);
    expect((await runOf(tour)).status).toBe("in_progress");
  });

  test("an unknown code and another tenant's code are quarantined with the reason, never counted", async () => {
    const gate = await checkpoint({ name: "Side gate" });
    const tour = await dueTour("Side round", [gate]);
    const other = await createTenant(vigil.sql);
    const otherToken = await logIn(vigil.url, { email: other.email, password: other.password });
    const otherSite = await api<SiteDto>(vigil.url, "/api/v1/sites", {
      token: otherToken,
      method: "POST",
      body: { name: "Elsewhere" },
    });
    const theirs = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${otherSite.body.id}/checkpoints`, {
      token: otherToken,
      method: "POST",
      body: { name: "Their gate" },
    });
    expect(theirs.status).toBe(201);

    for (const code of [theirs.body.code, `wrong-${randomBytes(8).toString("hex")}`]) {
      expect(await scan(phone, code, msgId())).toMatchObject({ checkpoint_id: null, result: "unknown_checkpoint" });
    }
    const quarantined = await vigil.sql<{ tenantId: string; reason: string; payload: string }[]>`
      select tenant_id as "tenantId", reason, payload from mqtt_quarantine
      where topic = ${`guard/${guard.externalId}/checkpoint`} order by id`;
    expect(quarantined.map((q) => q.reason)).toEqual(["unknown_checkpoint", "unknown_checkpoint"]);
    expect(quarantined[0]!.payload).toContain(theirs.body.code);
    const [me] = await vigil.sql<
      { tenantId: string }[]
    >`select tenant_id as "tenantId" from guards where id = ${guard.id}`;
    expect(new Set(quarantined.map((q) => q.tenantId))).toEqual(new Set([me!.tenantId]));
    const run = await runOf(tour);
    expect(run.status).toBe("scheduled");
    expect(run.checkpoints.every((c) => c.visitedAt === null)).toBe(true);
  });
});

describe("GPS visits", () => {
  test("an ordinary fix within a checkpoint's radius visits it; one farther away does not", async () => {
    const post = await checkpoint({ name: "Guard post", lat: 12.9716, lon: 77.5946, radiusM: 30 });
    const tour = await dueTour("GPS round", [post]);
    // 110 m north: stored as a fix, no visit.
    const far = gpsFix({ lat: 12.9726, lon: 77.5946, accuracy: 8 });
    await publishJson(phone, `guard/${guard.externalId}/gps`, far);
    await waitFor(
      async () =>
        (await vigil.sql`select 1 from guard_locations where guard_id = ${guard.id} and msg_id = ${far.msg_id!}`)
          .length > 0,
      { what: "the far fix stored" },
    );
    expect((await runOf(tour)).status).toBe("scheduled");

    // 11 m away, 8 m accuracy: the visit.
    await publishJson(phone, `guard/${guard.externalId}/gps`, gpsFix({ lat: 12.9717, lon: 77.5946, accuracy: 8 }));
    const run = await waitFor(async () => {
      const current = await runOf(tour);
      return current.status === "completed" && current;
    });
    expect(run.checkpoints[0]).toMatchObject({ name: "Guard post", method: "gps", guardExternalId: guard.externalId });
  });
});
