// The patrol-compliance report over real HTTP, on tour runs and visits seeded
// straight into the database with known outcomes: exact figures per day (in
// the site's time zone), site and tour, the on-time share of checkpoints, the
// guard filter, the CSV form and the roles that may read it.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { PatrolComplianceReport } from "@/server/contracts/reports";
import { api, createGuard, logIn, type GuardResponse } from "@/test/harness/api-client";
import { createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;
let tenantId: string;
let siteId: string;
let gate: string;
let roof: string;
let ravi: GuardResponse;
let asha: GuardResponse;
const RANGE = "from=2026-12-07&to=2026-12-08";
const MINUTE = 60_000;

async function insertTour(name: string, checkpointIds: string[], guardId: string | null): Promise<string> {
  const [row] = await vigil.sql<{ id: string }[]>`
    insert into tours (tenant_id, site_id, name, checkpoint_ids, start_at, window_minutes, guard_id)
    values (${tenantId}, ${siteId}, ${name}, ${checkpointIds}, '2026-12-01T00:00:00Z', 60, ${guardId})
    returning id`;
  return row!.id;
}

/** A run due at `due` (UTC), its window 60 min, with visits `minutes` after it was due (over 60: after it closed). */
async function insertRun(
  tour: { id: string; checkpointIds: string[]; guardId: string | null },
  due: string,
  status: "scheduled" | "completed" | "late" | "missed",
  visits: { checkpointId: string; minutes: number; guardId: string }[],
) {
  const dueAt = new Date(due);
  const [run] = await vigil.sql<{ id: string }[]>`
    insert into tour_runs (tenant_id, tour_id, site_id, guard_id, checkpoint_ids, ordered, due_at, closes_at, status)
    values (${tenantId}, ${tour.id}, ${siteId}, ${tour.guardId}, ${tour.checkpointIds}, false, ${dueAt},
            ${new Date(dueAt.getTime() + 60 * MINUTE)}, ${status})
    returning id`;
  for (const v of visits) {
    await vigil.sql`
      insert into tour_visits (tenant_id, run_id, checkpoint_id, guard_id, method, visited_at)
      values (${tenantId}, ${run!.id}, ${v.checkpointId}, ${v.guardId}, 'qr', ${new Date(dueAt.getTime() + v.minutes * MINUTE)})`;
  }
}

beforeAll(async () => {
  vigil = await startTestVigil();
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
  // Kolkata is UTC+05:30: a run due at 18:40 UTC on the 6th is due on the 7th there.
  const [site] = await vigil.sql<{ id: string }[]>`
    insert into sites (tenant_id, name, timezone) values (${tenantId}, 'Depot', 'Asia/Kolkata') returning id`;
  siteId = site!.id;
  const checkpoints = await vigil.sql<{ id: string }[]>`
    insert into checkpoints (tenant_id, site_id, name, code)
    values (${tenantId}, ${siteId}, 'North gate', ${`gate-${siteId}`}), (${tenantId}, ${siteId}, 'Roof door', ${`roof-${siteId}`})
    returning id`;
  [gate, roof] = checkpoints.map((c) => c.id) as [string, string];
  ravi = await createGuard(vigil.url, vigil.adminToken, { name: "Ravi" });
  asha = await createGuard(vigil.url, vigil.adminToken, { name: "Asha" });

  const night = { id: "", checkpointIds: [gate, roof], guardId: ravi.id };
  night.id = await insertTour("Night round", night.checkpointIds, ravi.id);
  const gateCheck = { id: "", checkpointIds: [gate], guardId: null };
  gateCheck.id = await insertTour("Gate check", gateCheck.checkpointIds, null);
  const both = (late: number) => [
    { checkpointId: gate, minutes: 10, guardId: ravi.id },
    { checkpointId: roof, minutes: late, guardId: ravi.id },
  ];
  // 7 December in Kolkata: Night round completed, late, missed (gate only) and one still open.
  await insertRun(night, "2026-12-06T18:40:00Z", "completed", both(20));
  await insertRun(night, "2026-12-07T02:00:00Z", "late", both(75));
  await insertRun(night, "2026-12-07T08:00:00Z", "missed", both(20).slice(0, 1));
  await insertRun(night, "2026-12-07T17:00:00Z", "scheduled", []);
  // Gate check: one missed outright, one completed by Asha.
  await insertRun(gateCheck, "2026-12-07T03:00:00Z", "missed", []);
  await insertRun(gateCheck, "2026-12-07T04:00:00Z", "completed", [
    { checkpointId: gate, minutes: 5, guardId: asha.id },
  ]);
  // 8 December in Kolkata (still the 7th in UTC): completed.
  await insertRun(night, "2026-12-07T19:00:00Z", "completed", both(30));
  // Outside the range in Kolkata: the 6th (18:00 UTC = 23:30) and the 9th (19:00 UTC on the 8th = 00:30).
  await insertRun(night, "2026-12-06T18:00:00Z", "missed", []);
  await insertRun(night, "2026-12-08T19:00:00Z", "missed", []);
});

afterAll(async () => {
  await vigil?.dispose();
});

const row = (day: string, tourName: string, counts: Record<string, number | null>) =>
  expect.objectContaining({ day, siteName: "Depot", timezone: "Asia/Kolkata", tourName, ...counts });

test("runs due, completed, late, missed and open per day and tour, with the on-time share of checkpoints", async () => {
  const report = await api<PatrolComplianceReport>(vigil.url, `/api/v1/reports/patrol-compliance?${RANGE}`, {
    token: vigil.adminToken,
  });
  expect(report.status).toBe(200);
  expect(report.body.rows).toEqual([
    row("2026-12-07", "Gate check", {
      due: 2,
      completed: 1,
      late: 0,
      missed: 1,
      open: 0,
      checkpointsDue: 2,
      checkpointsOnTime: 1,
      onTimePercent: 50,
    }),
    row("2026-12-07", "Night round", {
      due: 4,
      completed: 1,
      late: 1,
      missed: 1,
      open: 1,
      checkpointsDue: 6,
      checkpointsOnTime: 4,
      onTimePercent: 66.7,
    }),
    row("2026-12-08", "Night round", {
      due: 1,
      completed: 1,
      late: 0,
      missed: 0,
      open: 0,
      checkpointsDue: 2,
      checkpointsOnTime: 2,
      onTimePercent: 100,
    }),
  ]);
  expect(report.body.totals).toEqual({
    due: 7,
    completed: 3,
    late: 1,
    missed: 2,
    open: 1,
    checkpointsDue: 10,
    checkpointsOnTime: 7,
    onTimePercent: 70,
  });
});

test("guardId keeps the runs the guard was to walk or took part in; siteId keeps one site", async () => {
  const asMine = await api<PatrolComplianceReport>(
    vigil.url,
    `/api/v1/reports/patrol-compliance?${RANGE}&guardId=${asha.id}`,
    { token: vigil.adminToken },
  );
  expect(asMine.body.rows).toEqual([
    row("2026-12-07", "Gate check", { due: 1, completed: 1, missed: 0, checkpointsOnTime: 1, onTimePercent: 100 }),
  ]);
  const elsewhere = await api<PatrolComplianceReport>(
    vigil.url,
    `/api/v1/reports/patrol-compliance?${RANGE}&siteId=00000000-0000-4000-8000-000000000000`,
    { token: vigil.adminToken },
  );
  expect(elsewhere.body).toMatchObject({ rows: [], totals: { due: 0, onTimePercent: null } });
});

test("the CSV has the same rows and figures", async () => {
  const response = await fetch(`${vigil.url}/api/v1/reports/patrol-compliance?${RANGE}&format=csv`, {
    headers: { authorization: `Bearer ${vigil.adminToken}` },
  });
  expect(response.headers.get("content-disposition")).toContain("vigil-patrol-compliance-2026-12-07-to-2026-12-08.csv");
  const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
  expect(
    records.map((r) => [r.day, r.tourName, r.due, r.completed, r.late, r.missed, r.open, r.onTimePercent]),
  ).toEqual([
    ["2026-12-07", "Gate check", "2", "1", "0", "1", "0", "50"],
    ["2026-12-07", "Night round", "4", "1", "1", "1", "1", "66.7"],
    ["2026-12-08", "Night round", "1", "1", "0", "0", "0", "100"],
  ]);
});

test("managers and operators read it, as the other reports; a supervisor may not", async () => {
  for (const role of ["manager", "operator", "supervisor"] as const) {
    const token = await logIn(vigil.url, await createUser(vigil.sql, { tenantId, role }));
    const answer = await api(vigil.url, `/api/v1/reports/patrol-compliance?${RANGE}`, { token });
    expect(answer.status, role).toBe(role === "supervisor" ? 403 : 200);
  }
});
