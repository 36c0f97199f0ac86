// The manager reports over real HTTP, on rows seeded straight into the
// database (the geofence engine that writes violations is built separately):
// figures in JSON, the same figures in CSV, days in the site's time zone,
// roles, tenant isolation and the date-range checks.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AlertOutcomesReport, GeofenceViolationsReport, ResponseTimesReport } from "@/server/contracts/reports";
import { api, createGuard, logIn, type ApiError, type GuardResponse } from "@/test/harness/api-client";
import { createTenant, createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;
let tenantA: string;
let managerToken: string;
let northGate: string; // Asia/Kolkata, UTC+05:30
let harbour: string; // UTC
let g1: GuardResponse;
let g2: GuardResponse;

const RANGE = "from=2026-03-01&to=2026-03-02";
const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000).toISOString();

async function insertSite(name: string, timezone: string): Promise<string> {
  const [row] = await vigil.sql<{ id: string }[]>`
    insert into sites (tenant_id, name, timezone) values (${tenantA}, ${name}, ${timezone}) returning id`;
  return row!.id;
}

async function insertViolation(
  siteId: string,
  guardId: string,
  startedAt: string,
  endedAfter: number | null,
  m: number,
) {
  await vigil.sql`
    insert into geofence_violations (tenant_id, guard_id, site_id, started_at, ended_at, lat, lon,
      metres_outside, accuracy_m, confirmed_fixes, confirmed_seconds)
    values (${tenantA}, ${guardId}, ${siteId}, ${startedAt}, ${endedAfter === null ? null : at(startedAt, endedAfter)},
      12.97, 77.59, ${m}, 8, 3, 20)`;
}

type SeedAlert = { type: string; ackAfter?: number; resolveAfter?: number; outcome?: string };

async function insertAlert(siteId: string, createdAt: string, a: SeedAlert, n: number) {
  const status = a.resolveAfter !== undefined ? "RESOLVED" : a.ackAfter !== undefined ? "ACKNOWLEDGED" : "NEW";
  await vigil.sql`
    insert into alerts (tenant_id, site_id, source_key, type, severity, status, first_seen_at, last_seen_at,
      created_at, acknowledged_at, resolved_at, outcome)
    values (${tenantA}, ${siteId}, ${`device:report-${n}`}, ${a.type}, 'high', ${status}, ${createdAt}, ${createdAt},
      ${createdAt}, ${a.ackAfter === undefined ? null : at(createdAt, a.ackAfter)},
      ${a.resolveAfter === undefined ? null : at(createdAt, a.resolveAfter)}, ${a.outcome ?? null})`;
}

beforeAll(async () => {
  vigil = await startTestVigil();
  tenantA = await tenantOf(vigil.sql, ADMIN_EMAIL);
  managerToken = await logIn(vigil.url, await createUser(vigil.sql, { tenantId: tenantA, role: "manager" }));
  northGate = await insertSite("North Gate", "Asia/Kolkata");
  harbour = await insertSite('Harbour, "B" dock', "UTC");
  g1 = await createGuard(vigil.url, vigil.adminToken, { name: "Asha" });
  g2 = await createGuard(vigil.url, vigil.adminToken, { name: "=SUM(1,2)" });
  // 20:00 UTC on 1 March is 01:30 on 2 March in Kolkata: a North Gate day of 2 March.
  await insertViolation(northGate, g1.id, "2026-03-01T20:00:00Z", 600, 30);
  await insertViolation(northGate, g1.id, "2026-03-02T04:00:00Z", null, 50.5);
  await insertViolation(harbour, g2.id, "2026-03-01T20:00:00Z", 120, 12);
  await insertViolation(harbour, g2.id, "2026-03-10T10:00:00Z", 60, 5); // outside the range
  const alerts: SeedAlert[] = [
    { type: "panic", ackAfter: 10, resolveAfter: 100, outcome: "real" },
    { type: "panic", ackAfter: 20, resolveAfter: 200, outcome: "real" },
    { type: "panic", ackAfter: 30, resolveAfter: 300, outcome: "false_alarm" },
    { type: "intrusion", ackAfter: 40, resolveAfter: 400, outcome: "test" },
    { type: "intrusion" },
  ];
  for (const [i, a] of alerts.entries()) await insertAlert(harbour, "2026-03-01T10:00:00Z", a, i);
  await insertAlert(northGate, "2026-04-01T10:00:00Z", { type: "panic" }, 99); // outside the range
});

afterAll(async () => {
  await vigil?.dispose();
});

async function getReport<T>(name: string, query: string, token = managerToken) {
  return api<T>(vigil.url, `/api/v1/reports/${name}?${query}`, { token });
}

async function getCsv(name: string, query: string) {
  const response = await fetch(new URL(`/api/v1/reports/${name}?${query}&format=csv`, vigil.url), {
    headers: { authorization: `Bearer ${managerToken}` },
  });
  const text = await response.text();
  return { response, text, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

describe("geofence violations", () => {
  test("counts violations by the site's local day, site and guard", async () => {
    const { status, body } = await getReport<GeofenceViolationsReport>("geofence-violations", RANGE);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.rows).toEqual([
      expect.objectContaining({
        day: "2026-03-01",
        siteId: harbour,
        siteName: 'Harbour, "B" dock',
        timezone: "UTC",
        guardId: g2.id,
        guardExternalId: g2.externalId,
        violations: 1,
        secondsOutside: 120,
        maxMetresOutside: 12,
      }),
      expect.objectContaining({
        day: "2026-03-02",
        siteId: northGate,
        timezone: "Asia/Kolkata",
        guardId: g1.id,
        guardName: "Asha",
        violations: 2,
        secondsOutside: 600, // the open violation has no duration yet
        maxMetresOutside: 50.5,
      }),
    ]);
  });

  test("a one-day range holds only that local day, and guardId narrows it", async () => {
    const oneDay = await getReport<GeofenceViolationsReport>("geofence-violations", "from=2026-03-01&to=2026-03-01");
    expect(oneDay.body.rows.map((r) => [r.siteName, r.violations])).toEqual([['Harbour, "B" dock', 1]]);
    const byGuard = await getReport<GeofenceViolationsReport>("geofence-violations", `${RANGE}&guardId=${g1.id}`);
    expect(byGuard.body.total).toBe(2);
  });

  test("CSV: a named download whose rows parse back to the same figures, quoted and formula-safe", async () => {
    const { response, rows } = await getCsv("geofence-violations", RANGE);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="vigil-geofence-violations-2026-03-01-to-2026-03-02.csv"',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      day: "2026-03-01",
      siteName: 'Harbour, "B" dock',
      guardName: "'=SUM(1,2)", // a spreadsheet must not run it
      violations: "1",
      secondsOutside: "120",
    });
    expect(rows[1]).toMatchObject({
      day: "2026-03-02",
      siteName: "North Gate",
      violations: "2",
      maxMetresOutside: "50.5",
    });
  });
});

describe("response times", () => {
  test("median and p90 per site from raised to acknowledged and to resolved", async () => {
    const { status, body } = await getReport<ResponseTimesReport>("response-times", RANGE);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        siteId: harbour,
        siteName: 'Harbour, "B" dock',
        raised: 5,
        acknowledged: 4,
        resolved: 4,
        ackMedianSeconds: 25,
        ackP90Seconds: 37,
        resolveMedianSeconds: 250,
        resolveP90Seconds: 370,
      },
    ]);
  });

  test("CSV carries the same figures", async () => {
    const { rows } = await getCsv("response-times", RANGE);
    expect(rows).toEqual([
      expect.objectContaining({ raised: "5", ackMedianSeconds: "25", ackP90Seconds: "37", resolveP90Seconds: "370" }),
    ]);
  });
});

describe("alert outcomes", () => {
  test("by type and outcome, with the false-alarm rate among real and false alarms", async () => {
    const { status, body } = await getReport<AlertOutcomesReport>("alert-outcomes", RANGE);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { type: "intrusion", total: 2, open: 1, real: 0, falseAlarm: 0, test: 1, falseAlarmRate: null },
      { type: "panic", total: 3, open: 0, real: 2, falseAlarm: 1, test: 0, falseAlarmRate: 1 / 3 },
    ]);
    expect(body.totals).toEqual({ total: 5, open: 1, real: 2, falseAlarm: 1, test: 1, falseAlarmRate: 1 / 3 });
  });

  test("CSV carries the same figures", async () => {
    const { rows } = await getCsv("alert-outcomes", RANGE);
    expect(rows.map((r) => [r.type, r.total, r.falseAlarm, r.falseAlarmRate])).toEqual([
      ["intrusion", "2", "0", ""],
      ["panic", "3", "1", "0.333"],
    ]);
  });
});

describe("who may read reports", () => {
  const names = ["geofence-violations", "response-times", "alert-outcomes"];

  test("a supervisor gets 403; an operator and an admin get the report", async () => {
    const supervisor = await logIn(vigil.url, await createUser(vigil.sql, { tenantId: tenantA, role: "supervisor" }));
    const operator = await logIn(vigil.url, await createUser(vigil.sql, { tenantId: tenantA, role: "operator" }));
    for (const name of names) {
      expect((await getReport(name, RANGE, supervisor)).status).toBe(403);
      expect((await getReport(name, RANGE, operator)).status).toBe(200);
      expect((await getReport(name, RANGE, vigil.adminToken)).status).toBe(200);
    }
  });

  test("without a session: 401", async () => {
    expect((await api(vigil.url, `/api/v1/reports/alert-outcomes?${RANGE}`)).status).toBe(401);
  });

  test("tenant B sees none of A's rows, even naming A's site and guard", async () => {
    const b = await logIn(vigil.url, await createTenant(vigil.sql, { name: "Tenant B" }));
    for (const query of [RANGE, `${RANGE}&siteId=${harbour}`, `${RANGE}&guardId=${g2.id}`]) {
      const violations = await getReport<GeofenceViolationsReport>("geofence-violations", query, b);
      expect(violations.body).toMatchObject({ rows: [], total: 0 });
      expect((await getReport<ResponseTimesReport>("response-times", query, b)).body.rows).toEqual([]);
      expect((await getReport<AlertOutcomesReport>("alert-outcomes", query, b)).body.rows).toEqual([]);
    }
  });
});

describe("the date range", () => {
  const issues = (body: unknown) => (body as ApiError).error.issues?.map((i) => i.path);

  test.each([
    ["from after to", "from=2026-03-05&to=2026-03-01", "query.from"],
    ["a malformed date", "from=2026-3-1&to=2026-03-02", "query.from"],
    ["an impossible date", "from=2026-02-30&to=2026-03-02", "query.from"],
    ["no end", "from=2026-03-01", "query.to"],
    ["more than 366 days", "from=2025-01-01&to=2026-03-02", "query.to"],
    ["an unknown format", `${RANGE}&format=xlsx`, "query.format"],
  ])("%s is 422 naming the field", async (_what, query, field) => {
    for (const name of ["geofence-violations", "response-times", "alert-outcomes"]) {
      const response = await getReport(name, query);
      expect(response.status).toBe(422);
      expect(issues(response.body)).toContain(field);
    }
  });

  test("366 days is allowed", async () => {
    expect((await getReport("alert-outcomes", "from=2025-03-02&to=2026-03-02")).status).toBe(200);
  });
});
