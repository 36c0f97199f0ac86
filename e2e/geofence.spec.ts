// Persona: a manager draws a site's geofence on the map, assigns a guard to
// it; the guard's phone reports a walk that leaves the fence; the operator
// sees the violation on the NOC (the alert colour on the map, the banner and
// the alert queue), then replays the guard's track with the violation marked.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { SiteDto } from "../server/contracts/sites";
import {
  expect,
  ownTenant,
  phonePage,
  publishMany,
  registerGuardWithPhone,
  screenshotDir,
  signIn,
  test,
} from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const ALERT_FILL = [0xff, 0x5c, 0x5c]; // components/map/live-map.tsx ALERT_COLOUR

type Point = { x: number; y: number };

/** Centre of the pixels of one colour on a map's marker canvas, in page pixels, or null if there are none. */
async function colourCentre(page: Page, mapTestId: string, fill: number[]): Promise<Point | null> {
  return page
    .locator(`[data-testid="${mapTestId}"] .leaflet-overlay-pane canvas`)
    .evaluate((canvas: HTMLCanvasElement, colour: number[]) => {
      const context = canvas.getContext("2d");
      if (!context || canvas.width === 0 || canvas.height === 0) return null;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let sumX = 0;
      let sumY = 0;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = colour.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 30);
        if ((data[i + 3] ?? 0) > 200 && near) {
          sumX += (i / 4) % canvas.width;
          sumY += Math.floor(i / 4 / canvas.width);
          count += 1;
        }
      }
      if (count === 0) return null;
      const box = canvas.getBoundingClientRect();
      return {
        x: box.left + ((sumX / count) * box.width) / canvas.width,
        y: box.top + ((sumY / count) * box.height) / canvas.height,
      };
    }, fill);
}

test("a manager draws a fence, a guard walks out of it, the operator sees the violation and replays the track", async ({
  page,
  api: superAdmin,
  browser,
  playwright,
  vigil,
}) => {
  test.setTimeout(180_000);
  // A tenant of its own: its guard's position must not move other tests' NOC map (it frames every guard).
  const { suffix, account, api } = await ownTenant(superAdmin, vigil, playwright, "geofence", "Geofence");
  const guard = { externalId: `walker-${suffix}`, name: "Ravi Kumar" };
  const siteName = `Warehouse ${suffix}`;

  const phone = await test.step("register a guard and their phone through the API", async () => {
    return (await registerGuardWithPhone(api, guard, `phone-${suffix}`)).mqtt;
  });

  await signIn(page, vigil, account);

  await test.step("draw a polygon fence with geoman's toolbar on a new site", async () => {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Sites" }).click();
    await page.getByRole("link", { name: "New site" }).click();
    await expect(page).toHaveURL(/\/sites\/new$/);
    await page.getByLabel("Site name").fill(siteName);
    await page.getByLabel("Time zone").fill("Asia/Kolkata");

    const map = page.getByTestId("site-map").locator(".leaflet-container");
    await expect(map).toBeVisible();
    await page.getByTitle("Draw Polygons").click();
    const box = (await map.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const corners = [
      { x: centre.x - 120, y: centre.y - 90 },
      { x: centre.x + 120, y: centre.y - 90 },
      { x: centre.x + 120, y: centre.y + 90 },
      { x: centre.x - 120, y: centre.y + 90 },
    ];
    for (const corner of corners) {
      await page.mouse.move(corner.x, corner.y, { steps: 4 });
      await page.mouse.click(corner.x, corner.y);
    }
    await page.mouse.move(corners[0]!.x, corners[0]!.y, { steps: 4 });
    await page.mouse.click(corners[0]!.x, corners[0]!.y); // back on the first vertex closes the ring

    const fence = page.getByRole("listitem", { name: "Fence 1" });
    await expect(fence).toContainText("Polygon, 4 points");
    await expect(fence.getByLabel("Name")).toHaveValue("Fence 1");
    await fence.getByLabel("Name").fill("Loading yard");
  });

  await test.step("an invalid rule is refused with the reason beside the field", async () => {
    const fence = page.getByRole("listitem", { name: "Fence 1" });
    await fence.getByLabel("Confirm after fixes").fill("0");
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(fence.getByLabel("Confirm after fixes")).toHaveAttribute("aria-invalid", "true");
    await expect(fence.locator(".field-error")).toContainText(/>=\s*1|at least 1|too small/i);
    await expect(page).toHaveURL(/\/sites\/new$/);
    await fence.getByLabel("Confirm after fixes").fill("3");
    await fence.getByLabel("Buffer (m)").fill("20");
  });

  const site = await test.step("save: the site is created with the drawn fence", async () => {
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page).toHaveURL(/\/sites\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: siteName })).toBeVisible();
    const id = page.url().split("/").at(-1)!;
    const response = await api.get(`/api/v1/sites/${id}`);
    expect(response.status()).toBe(200);
    const saved = (await response.json()) as SiteDto;
    expect(saved.timezone).toBe("Asia/Kolkata");
    expect(saved.geofences).toHaveLength(1);
    expect(saved.geofences[0]).toMatchObject({ name: "Loading yard", bufferM: 20, confirmFixes: 3 });
    expect(saved.geofences[0]!.geometry!.coordinates[0]).toHaveLength(5);
    return saved;
  });

  await test.step("assign the guard to the site (no shifts: always on shift)", async () => {
    await page.getByLabel("Guard", { exact: true }).selectOption(guard.externalId);
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    const assigned = page.getByRole("list", { name: "Assigned guards" }).getByRole("listitem");
    await expect(assigned.filter({ hasText: guard.externalId })).toContainText("Always on shift");
    const assignments = (await (await api.get(`/api/v1/guards/${guard.externalId}/assignments`)).json()) as {
      siteId: string;
    }[];
    expect(assignments.map((a) => a.siteId)).toEqual([site.id]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screenshotDir, "site-editor.png") });
    const phoneView = await phonePage(browser, page, vigil);
    await phoneView.goto(`/sites/${site.id}`);
    await expect(phoneView.getByRole("listitem", { name: "Fence 1" })).toBeVisible();
    await expect(phoneView.getByTestId("site-map").locator(".leaflet-interactive").first()).toBeVisible();
    await phoneView.screenshot({ path: path.join(screenshotDir, "site-editor-phone.png"), fullPage: true });
    await phoneView.context().close();
  });

  // The fence as saved: a walk from its middle to 1 km east of its east edge.
  const ring = site.geofences[0]!.geometry!.coordinates[0]!;
  const lons = ring.map(([lon]) => lon!);
  const lats = ring.map(([, lat]) => lat!);
  const inside = { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
  const outside = { lat: inside.lat, lon: Math.max(...lons) + 0.01 };

  await test.step("the guard's phone reports a walk that leaves the fence", async () => {
    await page.goto("/");
    await expect(page.getByRole("status")).toHaveText("Live");
    const start = Date.now() - 90_000;
    const walk = [
      ...[0, 1, 2].map((i) => ({ ...inside, accuracy: 5, timestamp: new Date(start + i * 10_000).toISOString() })),
      ...[3, 4, 5, 6, 7].map((i) => ({
        lat: outside.lat,
        lon: outside.lon + (i - 3) * 0.0002,
        accuracy: 5,
        timestamp: new Date(start + i * 10_000).toISOString(),
      })),
    ];
    await publishMany(vigil, phone, `guard/${guard.externalId}/gps`, walk);
    await expect(page.getByTestId(`coords-${guard.externalId}`)).toContainText(outside.lat.toFixed(5));
  });

  await test.step("the operator sees the violation: banner, alert queue and the alert colour on the map", async () => {
    const banner = page.getByRole("region", { name: "Critical alerts" });
    await expect(banner.getByRole("listitem").filter({ hasText: guard.externalId })).toContainText(
      "GEOFENCE-VIOLATION",
    );
    const queued = page
      .getByRole("list", { name: "Open alerts" })
      .getByRole("listitem")
      .filter({ hasText: guard.externalId });
    await expect(queued).toContainText("GEOFENCE-VIOLATION");
    await expect(queued).toContainText(guard.name);
    // The NOC opened on the fence (no guard had a position yet); the operator zooms out to the guard, 1 km away.
    // Leaflet ignores a zoom click while the previous zoom still animates: each click waits for the one before
    // to settle (its zoom reached and the animation over).
    const settledZoom = () =>
      page.evaluate(() => {
        const map = window.vigilNoc!.map as unknown as { getZoom: () => number; _animatingZoom?: boolean };
        return map._animatingZoom ? Number.NaN : map.getZoom();
      });
    for (let i = 0; i < 3; i += 1) {
      const before = await settledZoom();
      await page.getByRole("button", { name: "Zoom out" }).click();
      await expect.poll(settledZoom).toBeLessThan(before);
    }
    await expect
      .poll(() => colourCentre(page, "map", ALERT_FILL), { message: "the guard is drawn in the alert colour" })
      .not.toBeNull();
    const red = (await colourCentre(page, "map", ALERT_FILL))!;
    await page.mouse.move(red.x, red.y);
    await expect(page.locator(".leaflet-tooltip")).toContainText(guard.externalId);
    await page.screenshot({ path: path.join(screenshotDir, "noc-geofence-violation.png") });
  });

  await test.step("the guard's page replays the track with the violation marked", async () => {
    await page.locator(`[data-guard="${guard.externalId}"]`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/guards/${guard.externalId}`));
    await expect(page.getByRole("heading", { name: guard.name })).toBeVisible();
    await expect(page.getByTestId("replay-summary")).toHaveText(/^8 fixes, [1-5] outside a fence$/);
    const violations = page.getByRole("list", { name: "Violations" }).getByRole("listitem");
    await expect(violations).toHaveCount(1);
    await expect(violations.first()).toContainText(`${siteName} · Loading yard`);
    await expect(violations.first()).toContainText(/\d+ m outside/);
    await expect
      .poll(() => colourCentre(page, "replay-map", ALERT_FILL), { message: "fixes outside are drawn red" })
      .not.toBeNull();

    const time = page.getByTestId("replay-time");
    const before = await time.textContent();
    await page.getByRole("button", { name: "64x" }).click();
    await page.getByRole("button", { name: "Play" }).click();
    await expect(time).not.toHaveText(before!);
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 15_000 }); // 70 s at 64x ends
    await expect(time.locator(".badge")).toHaveText("Outside"); // the walk ends outside
    await page.screenshot({ path: path.join(screenshotDir, "guard-replay.png") });

    const phoneView = await phonePage(browser, page, vigil);
    await phoneView.goto(page.url());
    await expect(phoneView.getByTestId("replay-summary")).toHaveText(/^8 fixes/);
    await phoneView.screenshot({ path: path.join(screenshotDir, "guard-replay-phone.png"), fullPage: true });
    await phoneView.context().close();
  });
  await api.dispose();
});
