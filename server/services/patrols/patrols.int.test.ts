// Patrol tours against a real Vigil and PostgreSQL: checkpoints and tours
// through the API, runs made when due (once, however often the worker runs),
// visits counted in order, a run left unfinished is missed with one
// patrol-missed alert naming what was missed, and a late finish is `late`.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CheckpointDto, TourDto, TourRunDto } from "../../contracts/patrols";
import type { SiteDto } from "../../contracts/sites";
import { socketEvents, type AlertDto } from "../../contracts/socket-events";
import type { Broadcaster } from "../../realtime/broadcaster";
import { api, createGuard, type ApiError, type GuardResponse } from "../../../test/harness/api-client";
import { createTenant, tenantOf } from "../../../test/harness/tenants";
import { logIn } from "../../../test/harness/api-client";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { advanceTourRuns } from "./advance-tour-runs";
import { findCheckpointByCode } from "./find-checkpoints-by-code";
import { recordVisit, type VisitMethod } from "./record-visit";

let vigil: TestVigil;
let site: SiteDto;
let guard: GuardResponse;
let gates: CheckpointDto[];
let tenantId: string;
const broadcasts: AlertDto[] = [];
const recorder: Broadcaster = {
  toTenant: (_tenantId, event, ...args) => {
    if (event === socketEvents.alertsChanged) broadcasts.push(...(args[0] as AlertDto[]));
  },
  toUser: () => {},
};
// A whole hour a day ahead of the clock: the Vigil under test runs its own tour worker every minute on the real time,
// and must not make or miss these runs before the test does (a fixed date broke this file once the day came).
const HOUR_MS = 3_600_000;
const start = new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + 24 * HOUR_MS);
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

beforeAll(async () => {
  vigil = await startTestVigil();
  site = (
    await api<SiteDto>(vigil.url, "/api/v1/sites", { token: vigil.adminToken, method: "POST", body: { name: "Depot" } })
  ).body;
  guard = await createGuard(vigil.url, vigil.adminToken, { name: "Ravi" });
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  gates = [];
  for (const name of ["North gate", "Loading bay", "Roof door"]) {
    const made = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
      token: vigil.adminToken,
      method: "POST",
      body: { name },
    });
    expect(made.status).toBe(201);
    gates.push(made.body);
  }
});

afterAll(async () => {
  await vigil?.dispose();
});

async function createTour(body: Record<string, unknown>): Promise<TourDto> {
  const made = await api<TourDto>(vigil.url, `/api/v1/sites/${site.id}/tours`, {
    token: vigil.adminToken,
    method: "POST",
    body: { startAt: start.toISOString(), windowMinutes: 20, repeatMinutes: 60, ...body },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
}

async function visit(checkpoint: CheckpointDto, at: Date, method: VisitMethod = "qr") {
  return vigil.sql.begin(async (tx) => {
    const checkpointId = await findCheckpointByCode(tx, tenantId, checkpoint.code);
    expect(checkpointId).toBe(checkpoint.id);
    return recordVisit(tx, { tenantId, guardId: guard.id, checkpointId: checkpointId!, method, visitedAt: at }, at);
  });
}

async function runsOf(tour: TourDto): Promise<TourRunDto[]> {
  const runs = await api<TourRunDto[]>(vigil.url, `/api/v1/tour-runs?siteId=${site.id}`, { token: vigil.adminToken });
  expect(runs.status).toBe(200);
  return runs.body.filter((r) => r.tourId === tour.id);
}

describe("checkpoints and tours", () => {
  test("a checkpoint without a code gets an unguessable one (128 bits); codes are unique", async () => {
    expect(gates[0]!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(gates.map((g) => g.code)).size).toBe(3);
    const taken = await api<ApiError>(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
      token: vigil.adminToken,
      method: "POST",
      body: { name: "Copy", code: gates[0]!.code },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.issues?.[0]?.path).toBe("code");
  });

  test("a tour names only its site's checkpoints, and its window fits its repeat", async () => {
    const other = await api<SiteDto>(vigil.url, "/api/v1/sites", {
      token: vigil.adminToken,
      method: "POST",
      body: { name: "Elsewhere" },
    });
    const foreign = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${other.body.id}/checkpoints`, {
      token: vigil.adminToken,
      method: "POST",
      body: { name: "Not here" },
    });
    const wrongSite = await api<ApiError>(vigil.url, `/api/v1/sites/${site.id}/tours`, {
      token: vigil.adminToken,
      method: "POST",
      body: {
        name: "Bad",
        checkpointIds: [gates[0]!.id, foreign.body.id],
        startAt: start.toISOString(),
        windowMinutes: 5,
      },
    });
    expect(wrongSite.status).toBe(422);
    expect(wrongSite.body.error.issues?.[0]?.path).toBe("checkpointIds.1");
    const tooLong = await api<ApiError>(vigil.url, `/api/v1/sites/${site.id}/tours`, {
      token: vigil.adminToken,
      method: "POST",
      body: {
        name: "Bad",
        checkpointIds: [gates[0]!.id],
        startAt: start.toISOString(),
        windowMinutes: 90,
        repeatMinutes: 60,
      },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.issues?.[0]?.path).toBe("windowMinutes");
  });

  test("a checkpoint is edited, and cannot be deleted while it is a tour's only one", async () => {
    const lone = (
      await api<CheckpointDto>(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
        token: vigil.adminToken,
        method: "POST",
        body: { name: "Shed", lat: 51.5, lon: -0.12, radiusM: 15 },
      })
    ).body;
    const edited = await api<CheckpointDto>(vigil.url, `/api/v1/sites/${site.id}/checkpoints/${lone.id}`, {
      token: vigil.adminToken,
      method: "PATCH",
      body: { name: "Garden shed", radiusM: 30 },
    });
    expect(edited.body).toMatchObject({ name: "Garden shed", radiusM: 30, lat: 51.5, code: lone.code });
    const tour = await createTour({ name: "Shed round", checkpointIds: [lone.id] });
    const refused = await api<ApiError>(vigil.url, `/api/v1/sites/${site.id}/checkpoints/${lone.id}`, {
      token: vigil.adminToken,
      method: "DELETE",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Shed round");
    const ended = await api(vigil.url, `/api/v1/sites/${site.id}/tours/${tour.id}`, {
      token: vigil.adminToken,
      method: "DELETE",
    });
    expect(ended.status).toBe(204);
    const tours = await api<TourDto[]>(vigil.url, `/api/v1/sites/${site.id}/tours`, { token: vigil.adminToken });
    expect(tours.body.map((t) => t.id)).not.toContain(tour.id);
    const gone = await api(vigil.url, `/api/v1/sites/${site.id}/checkpoints/${lone.id}`, {
      token: vigil.adminToken,
      method: "DELETE",
    });
    expect(gone.status).toBe(204);
  });

  test("another tenant sees none of the site's checkpoints, and its guards' scans of a code find nothing", async () => {
    const other = await createTenant(vigil.sql, { name: "Other guards" });
    const listed = await api(vigil.url, `/api/v1/sites/${site.id}/checkpoints`, {
      token: await logIn(vigil.url, other),
    });
    expect(listed.status).toBe(404);
    const found = await vigil.sql.begin((tx) => findCheckpointByCode(tx, other.tenantId, gates[0]!.code));
    expect(found).toBeUndefined();
  });
});

describe("tour runs", () => {
  test("a run is made once when due, counts visits in order, and completes in its window", async () => {
    const tour = await createTour({ name: "Ordered round", checkpointIds: gates.map((g) => g.id), ordered: true });
    expect((await advanceTourRuns(vigil.sql, recorder, minutes(0.5))).made).toBeGreaterThanOrEqual(1);
    // The worker runs every minute, and more than one may run: the run is made once.
    await advanceTourRuns(vigil.sql, recorder, minutes(0.5));
    await advanceTourRuns(vigil.sql, recorder, minutes(1));
    expect(await runsOf(tour)).toHaveLength(1);

    // Out of order: the second checkpoint first does not count.
    expect(await visit(gates[1]!, minutes(2))).toEqual([]);
    const [first] = await visit(gates[0]!, minutes(3));
    expect(first).toMatchObject({ status: "in_progress", visited: 1, total: 3 });
    await visit(gates[1]!, minutes(6), "nfc");
    const [last] = await visit(gates[2]!, minutes(9), "gps");
    expect(last).toMatchObject({ status: "completed", visited: 3 });

    const [run] = await runsOf(tour);
    expect(run).toMatchObject({ status: "completed", completedAt: minutes(9).toISOString(), alertId: null });
    expect(run!.checkpoints.map((c) => [c.name, c.method, c.visitedAt])).toEqual([
      ["North gate", "qr", minutes(3).toISOString()],
      ["Loading bay", "nfc", minutes(6).toISOString()],
      ["Roof door", "gps", minutes(9).toISOString()],
    ]);
    // Closing time passes: a completed run stays completed, no alert.
    await advanceTourRuns(vigil.sql, recorder, minutes(25));
    expect((await runsOf(tour))[0]!.status).toBe("completed");
  });

  test("a run left unfinished when its window closes is missed, with one alert naming what was missed", async () => {
    const tour = await createTour({
      name: "Night round",
      checkpointIds: gates.map((g) => g.id),
      guardExternalId: guard.externalId,
    });
    await advanceTourRuns(vigil.sql, recorder, minutes(0.5));
    await visit(gates[2]!, minutes(4));
    const summary = await advanceTourRuns(vigil.sql, recorder, minutes(20));
    expect(summary.missed).toBeGreaterThanOrEqual(1);

    const [run] = await runsOf(tour);
    expect(run).toMatchObject({ status: "missed", guardExternalId: guard.externalId });
    expect(run!.checkpoints.map((c) => c.missed)).toEqual([true, true, false]);
    const [alert] = await vigil.sql<{ id: string; severity: string; message: string; status: string }[]>`
      select id, severity::text, message, status::text from alerts where source_key = ${`tour:${tour.id}`}`;
    expect(alert).toMatchObject({ severity: "high", status: "NEW", id: run!.alertId });
    expect(alert!.message).toBe('Depot: tour "Night round" by Ravi missed North gate, Loading bay');
    expect(broadcasts.some((b) => b.id === alert!.id && b.type === "patrol-missed")).toBe(true);
    // Raised like any alert: its "raised" event in the log (and its notification job) with it.
    const events = await vigil.sql`select action from alert_events where alert_id = ${alert!.id}`;
    expect(events.map((e) => e.action)).toContain("raised");

    // Finished after the window: late, and no second alert.
    const [late] = await visit(gates[0]!, minutes(22));
    expect(late?.status).toBe("missed");
    const [done] = await visit(gates[1]!, minutes(23));
    expect(done?.status).toBe("late");
    await advanceTourRuns(vigil.sql, recorder, minutes(30));
    const alerts = await vigil.sql`select 1 from alerts where source_key = ${`tour:${tour.id}`}`;
    expect(alerts).toHaveLength(1);
  });

  test("the next round is due an hour later, and a visit then counts for it, not the old run", async () => {
    const tour = await createTour({ name: "Hourly", checkpointIds: [gates[0]!.id] });
    await advanceTourRuns(vigil.sql, recorder, minutes(0.5));
    await advanceTourRuns(vigil.sql, recorder, minutes(60.5));
    const runs = await runsOf(tour);
    expect(runs.map((r) => [r.dueAt, r.status])).toEqual([
      [minutes(60).toISOString(), "scheduled"],
      [minutes(0).toISOString(), "missed"],
    ]);
    await visit(gates[0]!, minutes(61));
    expect((await runsOf(tour)).map((r) => r.status)).toEqual(["completed", "missed"]);
  });
});
