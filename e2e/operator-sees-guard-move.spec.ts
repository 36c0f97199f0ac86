// Persona: the control-room operator signs in and watches a guard move, live,
// after the guard's phone publishes GPS fixes over MQTT.
import path from "node:path";
import { expect, publish, registerGuardWithPhone, screenshotDir, test } from "./fixtures";
import { markerCentre } from "./map-markers";

// The map opens on this point (components/map/live-map.tsx) when there are no positions yet.
const START = { lat: 12.9716, lon: 77.5946 };
// About 300 m due north: at the map's first zoom (13) that is about 16 screen pixels up.
const MOVED = { lat: 12.9743, lon: 77.5946 };

test("operator sees a guard appear and move on the NOC after GPS fixes over MQTT", async ({ page, api, vigil }) => {
  await test.step("sign in from the front door", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel("Email").fill(vigil.admin.email);
    await page.getByLabel("Password").fill(vigil.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${vigil.url}/`);
    await expect(page.locator('[data-testid="map"] .leaflet-container')).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Guards/ })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Live");
  });

  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-${suffix}`, name: "Asha Rao" };
  const phone = await test.step("register a guard and their phone through the API", async () => {
    return (await registerGuardWithPhone(api, guard, `phone-${suffix}`)).mqtt;
  });

  // A reload would give the page a new time origin: it must not change.
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const coords = page.getByTestId(`coords-${guard.externalId}`);
  const topic = `guard/${guard.externalId}/gps`;

  const start = await test.step("the first fix shows the guard in the list and on the map", async () => {
    await publish(vigil, phone, topic, { ...START, accuracy: 8, timestamp: new Date().toISOString() });
    await expect(coords).toHaveText(/^12\.97160, 77\.59460 ±8 m$/);
    await expect(page.locator(`[data-guard="${guard.externalId}"]`)).toContainText(guard.name);
    // The map keeps the view it opened with (other tests' guards are on it too): the operator asks for this guard.
    await page.locator(`[data-guard="${guard.externalId}"]`).getByRole("button", { name: "Map" }).click();
    await expect.poll(() => markerCentre(page), { message: "a marker is drawn on the map" }).not.toBeNull();
    await page.screenshot({ path: path.join(screenshotDir, "noc-before.png") });
    return (await markerCentre(page))!;
  });

  await test.step("a second fix 300 m north moves the guard", async () => {
    await publish(vigil, phone, topic, { ...MOVED, accuracy: 6, timestamp: new Date().toISOString() });
    await expect(coords).toHaveText(/^12\.97430, 77\.59460 ±6 m$/);
    await expect
      .poll(async () => ((await markerCentre(page))?.y ?? start.y) - start.y, {
        message: "the marker moves up the map",
      })
      .toBeLessThan(-10);
    const after = (await markerCentre(page))!;
    // North is up, by as many pixels as 300 m are at the map's zoom (Web Mercator), and not sideways.
    const zoom = await page.evaluate(() => window.vigilNoc!.map.getZoom());
    const expectedPx = 300 / ((156_543.03 * Math.cos((START.lat * Math.PI) / 180)) / 2 ** zoom);
    expect(start.y - after.y).toBeGreaterThan(expectedPx * 0.7);
    expect(start.y - after.y).toBeLessThan(expectedPx * 1.3);
    expect(Math.abs(after.x - start.x)).toBeLessThan(3);

    // The operator can point at the marker to see who it is.
    await page.mouse.move(after.x, after.y);
    await expect(page.locator(".leaflet-tooltip")).toHaveText(`${guard.name} (${guard.externalId})`);
    await page.screenshot({ path: path.join(screenshotDir, "noc-after.png") });
  });

  expect(await page.evaluate(() => performance.timeOrigin), "the page was not reloaded").toBe(pageOrigin);
  await expect(page.getByRole("status")).toHaveText("Live");
});
