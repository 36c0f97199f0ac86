// Persona: the control-room operator watches many guards on the NOC map.
// Zoomed out, a group of guards is one cluster with its count, ringed in the
// worst state among them; clicking it zooms in to the guards themselves, the
// one with an open alert in the alert colour. A site saved through the API
// appears on the map without a reload.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { DrawnMarker } from "../components/map/guard-layer";
import { expect, ownTenant, phonePage, publish, screenshotDir, signIn, test } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

// components/map/guard-state.ts STATE_COLOURS, components/map/fence-outlines.tsx FENCE_COLOUR
const ALERT = [0xff, 0x5c, 0x5c];
const FENCE = [0x4e, 0xa1, 0xff];
const GROUP_CENTRE = { lat: 12.9716, lon: 77.5946 };
const FAR = { lat: 12.9716, lon: 77.6686 }; // about 8 km east: the map frames both at zoom 14

type Point = { x: number; y: number };

/** Centre of the pixels of one colour on a canvas of the map (near a point if given), in page pixels; null if none. */
async function colourCentre(
  page: Page,
  canvas: string,
  fill: number[],
  near?: Point & { within: number },
): Promise<Point | null> {
  return page.evaluate(
    ({ selector, colour, around }) => {
      const element = document.querySelector<HTMLCanvasElement>(selector);
      const context = element?.getContext("2d");
      if (!element || !context || element.width === 0 || element.height === 0) return null;
      const box = element.getBoundingClientRect();
      const scale = element.width / box.width;
      const { data } = context.getImageData(0, 0, element.width, element.height);
      let sumX = 0;
      let sumY = 0;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const x = ((i / 4) % element.width) / scale + box.left;
        const y = Math.floor(i / 4 / element.width) / scale + box.top;
        if (around && Math.hypot(x - around.x, y - around.y) > around.within) continue;
        const same = colour.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 30);
        if ((data[i + 3] ?? 0) > 200 && same) {
          sumX += x;
          sumY += y;
          count += 1;
        }
      }
      return count === 0 ? null : { x: sumX / count, y: sumY / count };
    },
    { selector: canvas, colour: fill, around: near ?? null },
  );
}

const markerCanvas = '[data-testid="map"] .leaflet-overlay-pane canvas';
const fenceCanvas = '[data-testid="map"] .leaflet-fences-pane canvas';

async function drawn(page: Page): Promise<DrawnMarker[]> {
  return page.evaluate(() => window.vigilNoc?.drawn() ?? []);
}

/** Where a point of the map is on the page. */
async function onPage(page: Page, at: { lat: number; lon: number }): Promise<Point> {
  const inMap = await page.evaluate(({ lat, lon }) => window.vigilNoc!.map.latLngToContainerPoint([lat, lon]), at);
  const box = (await page.locator('[data-testid="map"] .leaflet-container').boundingBox())!;
  return { x: box.x + inMap.x, y: box.y + inMap.y };
}

test("zoomed out, guards cluster with a count and their worst state; a click zooms in; saved fences appear live", async ({
  page,
  api: superAdmin,
  browser,
  playwright,
  vigil,
}) => {
  test.setTimeout(120_000);
  // A tenant of its own, so other tests' guards neither join these clusters nor move this map.
  const { suffix, account, api } = await ownTenant(superAdmin, vigil, playwright, "clusters", "Clusters");
  const group = Array.from({ length: 8 }, (_, i) => ({
    externalId: `cl-${suffix}-${i}`,
    name: `Group guard ${i}`,
    // A ring about 330 m across: one cluster at zoom 14 (about 35 px), apart at zoom 15.
    lat: GROUP_CENTRE.lat + 0.0015 * Math.cos((i / 8) * 2 * Math.PI),
    lon: GROUP_CENTRE.lon + 0.0015 * Math.sin((i / 8) * 2 * Math.PI),
  }));
  const far = { externalId: `cl-${suffix}-far`, name: "Far guard", ...FAR };
  const alerting = group[3]!;

  await test.step("nine guards report their position over MQTT, the far one with a low battery", async () => {
    for (const guard of [...group, far]) {
      const created = await api.post("/api/v1/guards", { data: { externalId: guard.externalId, name: guard.name } });
      expect(created.status(), await created.text()).toBe(201);
    }
    const now = new Date().toISOString();
    await Promise.all(
      [...group, far].map((g) =>
        publish(vigil, null, `guard/${g.externalId}/gps`, {
          lat: g.lat,
          lon: g.lon,
          accuracy: 5,
          battery: g === far ? 9 : 80,
          timestamp: now,
        }),
      ),
    );
    await expect.poll(async () => ((await (await api.get("/api/v1/positions")).json()) as unknown[]).length).toBe(9);
  });

  await signIn(page, vigil, account);
  const legend = page.getByRole("list", { name: "Guard states" });

  await test.step("the map frames the guards zoomed out: the group is one cluster of 8, the far guard alone", async () => {
    await expect.poll(async () => (await drawn(page)).length).toBe(2);
    const markers = await drawn(page);
    expect(markers).toContainEqual(expect.objectContaining({ kind: "cluster", count: 8, state: "ok" }));
    expect(markers).toContainEqual(
      expect.objectContaining({ kind: "guard", externalId: far.externalId, state: "low-battery" }),
    );
    await expect(legend.locator('[data-state="ok"] .count')).toHaveText("8");
    await expect(legend.locator('[data-state="low-battery"] .count')).toHaveText("1");
    await expect(legend.locator('[data-state="alert"] .count')).toHaveText("0");
    expect(await page.evaluate(() => window.vigilNoc!.map.getZoom())).toBeLessThan(15);

    // Pointing at a single guard still names it.
    const at = await onPage(page, far);
    await page.mouse.move(at.x, at.y);
    await expect(page.locator(".leaflet-tooltip")).toHaveText(`${far.name} (${far.externalId})`);
    await page.mouse.move(5, 5);
  });

  await test.step("an alert from one guard of the group rings the cluster in the alert colour", async () => {
    await publish(vigil, null, `alert/intrusion/${alerting.externalId}`, { severity: "high", msg_id: `i-${suffix}` });
    await expect
      .poll(async () => (await drawn(page)).find((m) => m.kind === "cluster")?.state, {
        message: "the cluster takes its worst member's state",
      })
      .toBe("alert");
    await expect(legend.locator('[data-state="alert"] .count')).toHaveText("1");
    await expect(legend.locator('[data-state="ok"] .count')).toHaveText("7");
    const cluster = (await drawn(page)).find((m) => m.kind === "cluster")!;
    const centre = await onPage(page, cluster);
    await expect
      .poll(() => colourCentre(page, markerCanvas, ALERT, { ...centre, within: 30 }), {
        message: "red ring drawn around the cluster",
      })
      .not.toBeNull();
    const hovered = await onPage(page, cluster);
    await page.mouse.move(hovered.x, hovered.y);
    await expect(page.locator(".leaflet-tooltip")).toHaveText("8 guards: 1 alert. Click to zoom in.");
    await page.screenshot({ path: path.join(screenshotDir, "noc-clusters.png") });
  });

  await test.step("clicking the cluster zooms in to the eight guards, the alerting one in the alert colour", async () => {
    const cluster = (await drawn(page)).find((m) => m.kind === "cluster")!;
    const at = await onPage(page, cluster);
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(async () => (await drawn(page)).filter((m) => m.kind === "guard").length, { message: "no cluster left" })
      .toBeGreaterThanOrEqual(8);
    const markers = await drawn(page);
    expect(markers.filter((m) => m.kind === "cluster")).toEqual([]);
    expect(await page.evaluate(() => window.vigilNoc!.map.getZoom())).toBeGreaterThanOrEqual(15);
    expect(markers).toContainEqual(
      expect.objectContaining({ kind: "guard", externalId: alerting.externalId, state: "alert" }),
    );
    const guard = await onPage(page, alerting);
    await expect
      .poll(() => colourCentre(page, markerCanvas, ALERT, { ...guard, within: 8 }), {
        message: "the alerting guard is drawn red",
      })
      .not.toBeNull();
    const calm = await onPage(page, group[0]!);
    expect(await colourCentre(page, markerCanvas, ALERT, { ...calm, within: 8 }), "its neighbours are not").toBeNull();
    await page.mouse.move(guard.x, guard.y);
    await expect(page.locator(".leaflet-tooltip")).toHaveText(`${alerting.name} (${alerting.externalId})`);
    await page.screenshot({ path: path.join(screenshotDir, "noc-cluster-zoomed.png") });
  });

  await test.step("a site saved through the API is drawn on the open map without a reload", async () => {
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    expect(await colourCentre(page, fenceCanvas, FENCE), "no fence yet").toBeNull();
    const created = await api.post("/api/v1/sites", {
      data: {
        name: `Depot ${suffix}`,
        geofences: [
          { name: "Yard", circle: { center: [GROUP_CENTRE.lon, GROUP_CENTRE.lat], radiusM: 50 }, bufferM: 0 },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const centre = await onPage(page, GROUP_CENTRE);
    await expect
      .poll(async () => (await colourCentre(page, fenceCanvas, FENCE)) ?? { x: -1e3, y: -1e3 })
      .toEqual({ x: expect.closeTo(centre.x, -1), y: expect.closeTo(centre.y, -1) });
    expect(await page.evaluate(() => performance.timeOrigin), "the page was not reloaded").toBe(pageOrigin);
    await page.screenshot({ path: path.join(screenshotDir, "noc-fence-live.png") });
  });

  await test.step("on a phone the map keeps its legend and clusters", async () => {
    const phone = await phonePage(browser, page, vigil);
    await phone.goto("/");
    await expect(phone.getByRole("list", { name: "Guard states" })).toBeVisible();
    await expect.poll(async () => (await drawn(phone)).length).toBeGreaterThan(0);
    await phone.screenshot({ path: path.join(screenshotDir, "noc-map-phone.png") });
    await phone.context().close();
  });
  await api.dispose();
});
