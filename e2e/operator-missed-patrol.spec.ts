// Persona: the operator watches a patrol that goes wrong. A tour is due with a
// one-minute window; the guard scans the first checkpoint and skips the
// second. When the window closes, the worker (its own once-a-minute job, not
// the test) marks the run missed and raises a patrol-missed alert: it appears
// in the NOC's open alerts without a reload, naming the site, the tour, the
// guard and the checkpoint missed, and the run leaves the patrols list.
import path from "node:path";
import postgres from "postgres";
import type { CheckpointDto } from "../server/contracts/patrols";
import type { SiteDto } from "../server/contracts/sites";
import { advanceTourRuns } from "../server/services/patrols/advance-tour-runs";
import { expect, ownTenant, publish, registerGuardWithPhone, screenshotDir, signIn, test } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

test("a patrol run left unfinished becomes a patrol-missed alert on the NOC, live", async ({
  page,
  api: superAdmin,
  playwright,
  vigil,
}) => {
  // The window closes a minute after the run is due, and the worker closes runs once a minute.
  test.setTimeout(240_000);
  // A tenant of its own, so only this test's run and alert are on its NOC.
  const { suffix, account, api } = await ownTenant(superAdmin, vigil, playwright, "missed", "Missed");
  const guard = { externalId: `skipper-${suffix}`, name: "Vikram Das" };
  const siteName = `Warehouse ${suffix}`;

  const { phone, gates } = await test.step("a guard with a phone and a tour of two checkpoints due now", async () => {
    const { mqtt: phone } = await registerGuardWithPhone(api, guard, `phone-m-${suffix}`);
    const site = (await (await api.post("/api/v1/sites", { data: { name: siteName } })).json()) as SiteDto;
    const gates: CheckpointDto[] = [];
    for (const name of ["Front gate", "Fire exit"]) {
      const made = await api.post(`/api/v1/sites/${site.id}/checkpoints`, { data: { name } });
      expect(made.status(), await made.text()).toBe(201);
      gates.push((await made.json()) as CheckpointDto);
    }
    const tour = await api.post(`/api/v1/sites/${site.id}/tours`, {
      data: {
        name: "Dock round",
        checkpointIds: gates.map((g) => g.id),
        ordered: true,
        startAt: new Date(Date.now() - 20_000).toISOString(),
        windowMinutes: 1,
        guardExternalId: guard.externalId,
      },
    });
    expect(tour.status(), await tour.text()).toBe(201);
    // The run is made at once with the worker's own code; closing it is left to the worker.
    const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await advanceTourRuns(sql, { toTenant: () => {}, toUser: () => {} });
    } finally {
      await sql.end({ timeout: 5 });
    }
    return { phone, gates };
  });

  await signIn(page, vigil, account);
  const run = page.getByTestId("tour-run");
  const openAlerts = page.getByRole("list", { name: "Open alerts" });

  await test.step("the guard scans the first checkpoint and skips the second", async () => {
    await expect(run.getByTestId("tour-run-count")).toHaveText("0 of 2");
    await publish(vigil, phone, `guard/${guard.externalId}/checkpoint`, {
      code: gates[0]!.code,
      method: "qr",
      timestamp: new Date().toISOString(),
      msg_id: `scan-m-${suffix}`,
    });
    await expect(run.getByTestId("tour-run-count")).toHaveText("1 of 2");
    await expect(openAlerts.getByRole("listitem")).toHaveCount(0);
  });

  await test.step("the window closes: a patrol-missed alert appears without a reload, the run leaves", async () => {
    const item = openAlerts.getByRole("listitem").filter({ hasText: "PATROL-MISSED" });
    await expect(item).toBeVisible({ timeout: 180_000 });
    await expect(item).toContainText(`${siteName}: tour "Dock round" by ${guard.name} missed Fire exit`);
    await expect(item).toHaveAttribute("data-severity", "high");
    await expect(page.getByTestId("tour-run")).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, "noc-patrol-missed.png") });
  });

  const runs = (await (await api.get("/api/v1/tour-runs")).json()) as { status: string }[];
  expect(runs.map((r) => r.status)).toEqual(["missed"]);
  await api.dispose();
});
