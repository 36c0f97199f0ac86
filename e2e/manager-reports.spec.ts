// Persona: the manager reads the month's reports: geofence violations per
// day stacked by site, response times per site, alert outcomes per type,
// patrol compliance per day and tour, and downloads one as CSV for a spreadsheet. Sites, violations and past alerts
// have no API that writes them yet, so they are seeded in the database.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import postgres from "postgres";
import type { GuardDto } from "../server/contracts/api";
import { createUser, tenantOf, type TestUser } from "../test/harness/tenants";
import { expect, phonePage, screenshotDir, signIn, test, type Vigil } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const DAY = 86_400_000;
const daysAgo = (days: number, hourUtc = 10) => {
  const d = new Date(Date.now() - days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

type Seeded = { manager: TestUser; north: string; harbour: string };

async function seed(vigil: Vigil, guards: GuardDto[], suffix: string): Promise<Seeded> {
  const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tenantId = await tenantOf(sql, vigil.admin.email);
    const manager = await createUser(sql, { tenantId, role: "manager" });
    const [north, harbour] = [`North Gate ${suffix}`, `Harbour ${suffix}`];
    const sites = await sql<{ id: string }[]>`
      insert into sites (tenant_id, name, timezone)
      values (${tenantId}, ${north}, 'Asia/Kolkata'), (${tenantId}, ${harbour}, 'UTC') returning id`;
    const violations = [
      [0, 0, 5, 42],
      [0, 1, 5, 18],
      [1, 1, 4, 25],
      [0, 0, 3, 60],
      [1, 0, 3, 12],
      [1, 1, 3, 33],
      [0, 1, 2, 9],
      [1, 0, 1, 70],
    ] as const;
    for (const [site, guard, days, metres] of violations) {
      const started = daysAgo(days);
      await sql`
        insert into geofence_violations (tenant_id, guard_id, site_id, started_at, ended_at, lat, lon,
          metres_outside, accuracy_m, confirmed_fixes, confirmed_seconds)
        values (${tenantId}, ${guards[guard]!.id}, ${sites[site]!.id}, ${started}, ${plus(started, 300 + metres * 10)},
          12.97, 77.59, ${metres}, 8, 3, 20)`;
    }
    const alerts = [
      [0, "panic", 45, 600, "real"],
      [0, "panic", 90, 1500, "false_alarm"],
      [0, "intrusion", 30, 900, "false_alarm"],
      [1, "intrusion", 240, 3600, "real"],
      [1, "smoke", 120, 1800, "test"],
      [1, "panic", 60, 1200, "real"],
    ] as const;
    for (const [i, [site, type, ack, resolve, outcome]] of alerts.entries()) {
      const raised = daysAgo(2 + (i % 3));
      await sql`
        insert into alerts (tenant_id, site_id, source_key, type, severity, status, first_seen_at, last_seen_at,
          created_at, acknowledged_at, resolved_at, outcome)
        values (${tenantId}, ${sites[site]!.id}, ${`e2e-report:${suffix}:${i}`}, ${type}, 'high', 'RESOLVED',
          ${raised}, ${raised}, ${raised}, ${plus(raised, ack)}, ${plus(raised, resolve)}, ${outcome})`;
    }
    // A tour of North Gate: walked on time two days ago, missed yesterday.
    const [checkpoint] = await sql<{ id: string }[]>`
      insert into checkpoints (tenant_id, site_id, name, code)
      values (${tenantId}, ${sites[0]!.id}, 'Front gate', ${`e2e-report-${suffix}`}) returning id`;
    const [tour] = await sql<{ id: string }[]>`
      insert into tours (tenant_id, site_id, name, checkpoint_ids, start_at, window_minutes)
      values (${tenantId}, ${sites[0]!.id}, ${`Round ${suffix}`}, ${[checkpoint!.id]}, ${daysAgo(3)}, 30) returning id`;
    for (const [days, status] of [
      [2, "completed"],
      [1, "missed"],
    ] as const) {
      const due = daysAgo(days);
      const [run] = await sql<{ id: string }[]>`
        insert into tour_runs (tenant_id, tour_id, site_id, checkpoint_ids, ordered, due_at, closes_at, status)
        values (${tenantId}, ${tour!.id}, ${sites[0]!.id}, ${[checkpoint!.id]}, false, ${due}, ${plus(due, 1800)},
          ${status}) returning id`;
      if (status === "completed") {
        await sql`insert into tour_visits (tenant_id, run_id, checkpoint_id, method, visited_at)
                  values (${tenantId}, ${run!.id}, ${checkpoint!.id}, 'qr', ${plus(due, 600)})`;
      }
    }
    return { manager, north, harbour };
  } finally {
    await sql.end();
  }
}

test("a manager reads the reports for a date range and downloads the violations as CSV", async ({
  page,
  api,
  vigil,
  browser,
}) => {
  test.setTimeout(90_000);
  const suffix = String(Date.now()).slice(-6);
  const guards = await test.step("two guards, registered through the API", async () => {
    const made: GuardDto[] = [];
    for (const name of [`Asha ${suffix}`, `Ravi ${suffix}`]) {
      const response = await api.post("/api/v1/guards", {
        data: { externalId: `rep-${name.replace(" ", "-")}`, name },
      });
      expect(response.status(), await response.text()).toBe(201);
      made.push((await response.json()) as GuardDto);
    }
    return made;
  });
  const { manager, north, harbour } = await seed(vigil, guards, suffix);

  await test.step("the manager opens Reports from the navigation", async () => {
    await signIn(page, vigil, manager);
    await page.getByRole("link", { name: "Reports" }).click();
    await expect(page).toHaveURL(`${vigil.url}/reports`);
    await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();
  });

  const violations = page.locator('[data-report="geofence-violations"]');
  const responseTimes = page.locator('[data-report="response-times"]');
  const outcomes = page.locator('[data-report="alert-outcomes"]');
  const patrols = page.locator('[data-report="patrol-compliance"]');

  await test.step("each report has its chart and its table", async () => {
    for (const section of [violations, responseTimes, outcomes, patrols]) {
      await expect(section.locator(".recharts-surface").first()).toBeVisible();
      await expect(section.locator(".recharts-bar-rectangle").first()).toBeVisible();
    }
    // Violations: the legend names both sites; the table has one row per day, site and guard.
    await expect(violations.locator(".recharts-legend-wrapper")).toContainText(north);
    await expect(violations.locator(".recharts-legend-wrapper")).toContainText(harbour);
    await expect(violations.getByRole("row").filter({ hasText: suffix })).toHaveCount(8);
    // North Gate acknowledged after 45, 90 and 30 s: median 45 s, p90 81 s.
    const northTimes = responseTimes.getByRole("row", { name: new RegExp(north) });
    await expect(northTimes.getByRole("cell").nth(4)).toHaveText("45 s");
    await expect(northTimes.getByRole("cell").nth(5)).toHaveText("1 min 21 s");
    await expect(outcomes.getByRole("row", { name: /^panic/ })).toBeVisible();
    // Patrols: one row per day of the tour, the missed day at 0% of checkpoints on time.
    const rounds = patrols.getByRole("row").filter({ hasText: `Round ${suffix}` });
    await expect(rounds).toHaveCount(2);
    await expect(rounds.last().getByRole("cell").last()).toHaveText("0% (0/1)");
    await expect(rounds.first().getByRole("cell").last()).toHaveText("100% (1/1)");
    await page.screenshot({ path: path.join(screenshotDir, "manager-reports-desktop.png"), fullPage: true });
  });

  await test.step("a range whose start is after its end is refused beside the field", async () => {
    await page.getByLabel("From").fill("2026-06-30");
    await page.getByLabel("To").fill("2026-01-01");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.locator("#report-from-note")).toHaveText("from must not be after to");
  });

  await test.step("the last 7 days hold the seeded rows; older ranges do not", async () => {
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await expect(page.locator("#report-from-note")).not.toHaveText("from must not be after to");
    await expect(violations.getByRole("row").filter({ hasText: suffix })).toHaveCount(8);
  });

  await test.step("Download CSV gives the violations of the range as a CSV file", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      violations.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^vigil-geofence-violations-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const rows = parse(await readFile((await download.path())!, "utf8"), { columns: true }) as Record<string, string>[];
    const ours = rows.filter((r) => r.guardName?.endsWith(suffix));
    expect(ours).toHaveLength(8);
    expect(ours.reduce((n, r) => n + Number(r.violations), 0)).toBe(8);
    expect(ours.find((r) => r.maxMetresOutside === "60")).toMatchObject({ siteName: north, timezone: "Asia/Kolkata" });
    expect(ours.find((r) => r.maxMetresOutside === "70")).toMatchObject({ siteName: harbour, timezone: "UTC" });
  });

  await test.step("the page reads on a phone", async () => {
    const phone = await phonePage(browser, page, vigil);
    await phone.goto("/reports");
    await expect(phone.locator('[data-report="alert-outcomes"] .recharts-surface').first()).toBeVisible();
    await expect(phone.locator('[data-report="patrol-compliance"] .recharts-surface').first()).toBeVisible();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(screenshotDir, "manager-reports-phone.png"), fullPage: true });
    await phone.context().close();
  });
});

test("the API documentation lists the report operations", async ({ page, vigil }) => {
  test.setTimeout(60_000);
  await signIn(page, vigil);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "Reports", exact: true })).toBeVisible();
  await expect(page.locator("#getReportsGeofenceViolations")).toContainText("/api/v1/reports/geofence-violations");
  await page.screenshot({ path: path.join(screenshotDir, "api-docs.png") });
  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(Object.keys(document.paths)).toContain("/api/v1/reports/alert-outcomes");
});
