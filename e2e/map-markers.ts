// Where a guard's marker is on the NOC map, for e2e tests that watch a guard move.
import type { Page } from "@playwright/test";

type Point = { x: number; y: number };

/**
 * Centre of the guard markers drawn on the Leaflet canvas, in page pixels
 * (markers are canvas paths, not DOM elements). Only the test's guard has a
 * position in view, so the marker-coloured pixels are its marker.
 */
export async function markerCentre(page: Page): Promise<Point | null> {
  return page.locator('[data-testid="map"] .leaflet-overlay-pane canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context || canvas.width === 0 || canvas.height === 0) return null;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const fill = [0x3e, 0xcf, 0x8e]; // the marker fill colour
    let sumX = 0;
    let sumY = 0;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3] ?? 0;
      const near = fill.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 40);
      if (alpha > 200 && near) {
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
  });
}
