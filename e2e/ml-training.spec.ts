// Persona: a manager trains the false-alarm model. Sensors have alarmed and
// operators resolved each alarm as real or false; the manager opens
// /training, starts a run, watches the progress bar and loss curve move to
// done, then promotes the new model version.
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { AlertListItemDto } from "../server/contracts/alert-api";
import { expect, phonePage, publish, screenshotDir, signIn, test, type MqttCredentials, type Vigil } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const TYPES = ["intrusion", "activity", "tamper"];

/** Alarms from three sensors, resolved: the first one's are false alarms, the second's real, the third's mixed. */
async function seedResolvedAlerts(api: APIRequestContext, vigil: Vigil): Promise<void> {
  const suffix = Date.now().toString(36);
  const sensors: { externalId: string; mqtt: MqttCredentials }[] = [];
  for (const name of ["flaky", "solid", "mixed"]) {
    const response = await api.post("/api/v1/devices", {
      data: { externalId: `ml-${name}-${suffix}`, kind: "sensor" },
    });
    expect(response.status(), await response.text()).toBe(201);
    sensors.push((await response.json()) as { externalId: string; mqtt: MqttCredentials });
  }
  for (let round = 0; round < 2; round += 1) {
    for (const sensor of sensors) {
      for (const type of TYPES) {
        await publish(vigil, sensor.mqtt, `alert/${type}/${sensor.externalId}`, {
          message: `${type} (round ${round})`,
          timestamp: new Date().toISOString(),
          msg_id: `${sensor.externalId}-${type}-${round}`,
        });
      }
    }
    const ids = new Set(sensors.map((s) => s.externalId));
    let open: AlertListItemDto[] = [];
    await expect
      .poll(async () => {
        const all = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
        open = all.filter((a) => ids.has(a.sourceExternalId));
        return open.length;
      })
      .toBe(sensors.length * TYPES.length);
    for (const alert of open) {
      const falseAlarm =
        alert.sourceExternalId.startsWith("ml-flaky") ||
        (alert.sourceExternalId.startsWith("ml-mixed") && alert.type === "tamper");
      const resolved = await api.post(`/api/v1/alerts/${alert.id}/resolve`, {
        data: { outcome: falseAlarm ? "false_alarm" : "real" },
      });
      expect(resolved.status(), await resolved.text()).toBe(200);
    }
  }
}

test("a manager starts a training run and watches its progress bar move to done, then promotes the model", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(180_000);
  await seedResolvedAlerts(api, vigil);
  await signIn(page, vigil);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Training" }).click();
  await expect(page).toHaveURL(`${vigil.url}/training`);
  await expect(page.getByRole("heading", { name: "False-alarm model" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Every value the progress bar shows, recorded in the browser as the socket events arrive.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const record = (el: Element) => {
      const value = Number(el.getAttribute("aria-valuenow"));
      if (el.getAttribute("role") === "progressbar" && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes") record(m.target as Element);
        for (const node of m.addedNodes)
          if (node instanceof Element) node.querySelectorAll("[role=progressbar]").forEach(record);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });

  // More epochs than the default, to watch it for a while; a wrong number is refused beside the field.
  await page.getByLabel("Epochs").fill("0");
  await page.getByRole("button", { name: "Start training" }).click();
  await expect(page.getByText("Too small: expected number to be >=1")).toBeVisible();
  await page.getByLabel("Epochs").fill("80");
  await page.getByRole("button", { name: "Start training" }).click();
  const bar = page.getByRole("progressbar", { name: "Training progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", /^([3-9]\d)$/, { timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshotDir, "ml-training-running.png") });
  await expect(bar).toHaveCount(0, { timeout: 60_000 });

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.filter((v) => v > 0 && v < 100).length, `progress seen: ${seen.join(",")}`).toBeGreaterThanOrEqual(5);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));

  const pastRuns = page.getByRole("region", { name: "Past runs" });
  const done = pastRuns.locator("tr[data-status]").first();
  await expect(done).toHaveAttribute("data-status", "succeeded");
  await expect(done).toContainText("v1");
  await expect(page.getByRole("status").filter({ hasText: "Your training run finished" })).toBeVisible();

  const versions = page.getByRole("region", { name: "Model versions" });
  await versions.getByRole("button", { name: "Promote" }).first().click();
  await expect(versions.getByText("Scoring new alerts")).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, "ml-training-done.png"), fullPage: true });

  const phone = await phonePage(browser, page, vigil);
  await phone.goto("/training");
  await expect(phone.getByRole("region", { name: "Model versions" }).getByText("Scoring new alerts")).toBeVisible();
  await phone.screenshot({ path: path.join(screenshotDir, "ml-training-phone.png"), fullPage: true });
  await phone.context().close();
});
