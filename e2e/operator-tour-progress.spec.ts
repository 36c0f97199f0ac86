// Persona: the operator watches a patrol on the NOC. A tour is due; its run is
// a progress bar beside the map (checkpoints visited of total, time left);
// each checkpoint the guard's phone scans over MQTT moves the bar without a
// reload, on the desktop and on a phone, and the finished run leaves the list.
import path from "node:path";
import postgres from "postgres";
import type { CheckpointDto, TourDto } from "../server/contracts/patrols";
import type { SiteDto } from "../server/contracts/sites";
import { advanceTourRuns } from "../server/services/patrols/advance-tour-runs";
import { expect, ownTenant, phonePage, publish, registerGuardWithPhone, screenshotDir, signIn, test } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

test("the operator sees a tour run's progress bar move as the guard scans checkpoints over MQTT", async ({
  page,
  api: superAdmin,
  browser,
  playwright,
  vigil,
}) => {
  test.setTimeout(120_000);
  // A tenant of its own, so only this test's run is on its NOC.
  const { suffix, account, api } = await ownTenant(superAdmin, vigil, playwright, "patrol", "Patrol");
  const guard = { externalId: `patroller-${suffix}`, name: "Asha Rao" };

  const { phone, gates } =
    await test.step("a guard with a phone, a site with three checkpoints and a tour due now", async () => {
      const { mqtt: phone } = await registerGuardWithPhone(api, guard, `phone-${suffix}`);
      const site = (await (await api.post("/api/v1/sites", { data: { name: `Depot ${suffix}` } })).json()) as SiteDto;
      const gates: CheckpointDto[] = [];
      for (const name of ["North gate", "Loading bay", "Roof door"]) {
        const made = await api.post(`/api/v1/sites/${site.id}/checkpoints`, { data: { name } });
        expect(made.status(), await made.text()).toBe(201);
        gates.push((await made.json()) as CheckpointDto);
      }
      const tour = await api.post(`/api/v1/sites/${site.id}/tours`, {
        data: {
          name: "Night round",
          checkpointIds: gates.map((g) => g.id),
          ordered: true,
          startAt: new Date(Date.now() - 60_000).toISOString(),
          windowMinutes: 45,
          guardExternalId: guard.externalId,
        },
      });
      expect(tour.status(), await tour.text()).toBe(201);
      expect(((await tour.json()) as TourDto).name).toBe("Night round");
      // The worker makes due runs every minute; this test makes it at once with the same code.
      const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
      try {
        await advanceTourRuns(sql, { toTenant: () => {}, toUser: () => {} });
      } finally {
        await sql.end({ timeout: 5 });
      }
      return { phone, gates };
    });

  const scan = (code: string, n: number) =>
    publish(vigil, phone, `guard/${guard.externalId}/checkpoint`, {
      code,
      method: "qr",
      timestamp: new Date().toISOString(),
      msg_id: `scan-${suffix}-${n}`,
    });

  await signIn(page, vigil, account);
  const run = page.getByTestId("tour-run");
  const bar = run.getByRole("progressbar", { name: "Night round: checkpoints visited" });

  await test.step("the run is on the NOC with nothing visited and its time left", async () => {
    await expect(page.getByRole("heading", { name: "Patrols (1)" })).toBeVisible();
    await expect(bar).toHaveAttribute("aria-valuenow", "0");
    await expect(run.getByTestId("tour-run-count")).toHaveText("0 of 3");
    await expect(run).toContainText(/4\d min left/);
    await expect(run).toContainText("next: North gate");
  });

  await test.step("a scan over MQTT moves the bar without a reload", async () => {
    await scan(gates[0]!.code, 1);
    await expect(bar).toHaveAttribute("aria-valuenow", "1");
    await expect(run.getByTestId("tour-run-count")).toHaveText("1 of 3");
    await expect(run).toContainText("next: Loading bay");
    await scan(gates[1]!.code, 2);
    await expect(run.getByTestId("tour-run-count")).toHaveText("2 of 3");
    await page.screenshot({ path: path.join(screenshotDir, "noc-tour-progress.png") });
  });

  await test.step("on a phone the same bar is below the map, live too", async () => {
    const phoneView = await phonePage(browser, page, vigil);
    await phoneView.goto("/");
    const phoneRun = phoneView.getByTestId("tour-run");
    await expect(phoneRun.getByTestId("tour-run-count")).toHaveText("2 of 3");
    await phoneRun.scrollIntoViewIfNeeded();
    await phoneView.screenshot({ path: path.join(screenshotDir, "noc-tour-progress-phone.png"), fullPage: true });
    await scan(gates[2]!.code, 3);
    // Completed: the run leaves both lists.
    await expect(phoneView.getByTestId("tour-run")).toHaveCount(0);
    await expect(page.getByTestId("tour-run")).toHaveCount(0);
    await phoneView.context().close();
  });

  const runs = (await (await api.get("/api/v1/tour-runs")).json()) as { status: string }[];
  expect(runs.map((r) => r.status)).toEqual(["completed"]);
  await api.dispose();
});
