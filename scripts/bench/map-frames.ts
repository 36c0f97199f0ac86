// The NOC map's frame times with thousands of guards moving: Debian's
// Chromium (headless, --disable-gpu, so the canvas is software-rendered)
// opens the NOC at 1400x900 while every guard publishes a GPS fix over MQTT
// through the real path (broker -> ingest -> commit -> Socket.IO -> position
// store -> one canvas update per animation frame), or, to see the page's own
// cost, moved inside the page through the position store once a second.
// requestAnimationFrame intervals are recorded for a while at a zoomed-out
// (clustered) view of the whole city and at a zoom where every guard is
// drawn on its own.
import os from "node:os";
import mqtt, { type MqttClient } from "mqtt";
import { chromium, type Page } from "@playwright/test";
import { percentile, round } from "./stats";

/**
 * mqtt: every fix goes through the real path. page: one fix per guard goes
 * through the real path, then the page moves the guards itself through the
 * position store (window.vigilNoc), so the figures show the page's own cost
 * without the broker, ingest and database sharing the 2 cores.
 */
export type Feed = "mqtt" | "page";

export type FrameFigures = {
  feed: Feed;
  guards: number;
  /** Each guard's fix interval. */
  periodS: number;
  /** 1-minute load average of the machine when the measurement ended. */
  load: number;
  view: string;
  zoom: number;
  fpsP50: number;
  fpsP5: number;
  frameP50Ms: number;
  frameP95Ms: number;
  /** Positions the page received a second while measuring, and what was published. */
  receivedPerSecond: number;
  publishedPerSecond: number;
  drawn: { clusters: number; guards: number };
};

const CENTRE = { lat: 12.9716, lon: 77.5946 };
/** Guards are spread over about 11 x 11 km around the centre. */
const SPREAD_DEG = 0.1;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"];

type Walker = { id: string; lat: number; lon: number; phase: number };

function walkers(ids: string[]): Walker[] {
  // A fixed pseudo-random layout, so runs are comparable.
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return ids.map((id) => ({
    id,
    lat: CENTRE.lat + (random() - 0.5) * SPREAD_DEG,
    lon: CENTRE.lon + (random() - 0.5) * SPREAD_DEG,
    phase: random() * 2 * Math.PI,
  }));
}

/**
 * Every guard walks a circle about 100 m across, one fix every `periodS`
 * seconds each, spread evenly over the period.
 */
function startFeed(mqttUrl: string, guards: Walker[], periodS: number) {
  const clients: MqttClient[] = Array.from({ length: 4 }, (_, i) =>
    mqtt.connect(mqttUrl, { clientId: `map-bench-${process.pid}-${i}`, clean: true }),
  );
  const tickMs = 50;
  let next = 0;
  let published = 0;
  const timer = setInterval(() => {
    const perTick = Math.ceil((guards.length * tickMs) / 1000 / periodS);
    const t = Date.now() / 1000;
    for (let k = 0; k < perTick; k++) {
      const g = guards[next]!;
      next = (next + 1) % guards.length;
      const angle = g.phase + t / 20;
      const payload = JSON.stringify({
        lat: g.lat + 0.00045 * Math.sin(angle),
        lon: g.lon + 0.00045 * Math.cos(angle),
        accuracy: 6,
        battery: 80,
        timestamp: new Date().toISOString(),
      });
      clients[k % clients.length]!.publish(`guard/${g.id}/gps`, payload, { qos: 0 });
      published++;
    }
  }, tickMs);
  return {
    published: () => published,
    async stop() {
      clearInterval(timer);
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}

/** Opens the NOC, signing in first unless the context already has a session. */
async function openNoc(page: Page, url: string, account: { email: string; password: string }) {
  await page.goto(`${url}/`);
  if (page.url().endsWith("/login")) {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${url}/`);
  }
  await page.waitForFunction(() => window.vigilNoc !== undefined, null, { timeout: 60_000 });
}

/** Inside the page: each guard moves once a second along a circle, the same walk as startFeed. */
async function startPageFeed(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window.vigilNoc!.store;
    const guards = [...store.all().values()].map((p, i) => ({ ...p, phase: i }));
    let next = 0;
    const tickMs = 50;
    const timer = setInterval(() => {
      const perTick = Math.ceil((guards.length * tickMs) / 1000);
      const t = Date.now() / 1000;
      const batch = [];
      for (let k = 0; k < perTick; k++) {
        const g = guards[next]!;
        next = (next + 1) % guards.length;
        const angle = g.phase + t / 20;
        batch.push({
          guardId: g.guardId,
          externalId: g.externalId,
          name: g.name,
          lat: g.lat + 0.00045 * Math.sin(angle),
          lon: g.lon + 0.00045 * Math.cos(angle),
          accuracyM: 6,
          battery: 80,
          recordedAt: new Date().toISOString(),
        });
      }
      store.upsert(batch);
    }, tickMs);
    (window as unknown as { stopPageFeed: () => void }).stopPageFeed = () => clearInterval(timer);
  });
}

async function measure(page: Page, seconds: number): Promise<{ intervals: number[]; received: number }> {
  return page.evaluate(async (ms) => {
    const hook = window.vigilNoc!;
    let received = 0;
    const upsert = hook.store.upsert;
    hook.store.upsert = (positions) => {
      received += positions.length;
      upsert(positions);
    };
    const intervals: number[] = [];
    await new Promise<void>((resolve) => {
      let last = -1;
      const end = performance.now() + ms;
      const frame = (now: number) => {
        if (last >= 0) intervals.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    hook.store.upsert = upsert;
    return { intervals, received };
  }, seconds * 1000);
}

/**
 * Frame times of the NOC with `counts` guards moving (the guards must be
 * registered in the account's tenant; their external ids are given, most
 * first). Each count gets a fresh page, fed for a few seconds before measuring.
 */
export async function mapFrameBench({
  vigilUrl,
  mqttUrl,
  account,
  guardIds,
  counts,
  feeds = ["mqtt", "page"],
  mqttRate = 2000,
  seconds = 10,
}: {
  vigilUrl: string;
  mqttUrl: string;
  account: { email: string; password: string };
  guardIds: string[];
  counts: number[];
  feeds?: Feed[];
  /** Fixes a second published over MQTT at most. */
  mqttRate?: number;
  seconds?: number;
}): Promise<{ idle: { fpsP50: number; fpsP5: number }; figures: FrameFigures[] }> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const figures: FrameFigures[] = [];
  let idle = { fpsP50: 0, fpsP5: 0 };
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild, keepNames) wraps the named functions of page.evaluate callbacks in __name().
    await context.addInitScript("window.__name = (f) => f");
    for (const count of counts) {
      const guards = walkers(guardIds.slice(0, count));
      for (const feedKind of feeds) {
        // The real path carries about 2,000 fixes a second here beside the browser (more and ingest
        // falls behind); the page feed moves every guard every second.
        const periodS = feedKind === "mqtt" ? Math.max(1, count / mqttRate) : 1;
        const feed = startFeed(mqttUrl, guards, periodS);
        // Let every guard report once (and the pipeline settle) before the page loads its first positions.
        await new Promise((resolve) => setTimeout(resolve, 5000));
        if (feedKind === "page") await feed.stop();
        const page = await context.newPage();
        await openNoc(page, vigilUrl, account);
        if (feedKind === "page") await startPageFeed(page);
        for (const [view, zoom] of [
          ["whole city, clustered", 13],
          ["zoomed in, every guard on its own", 15],
        ] as const) {
          await page.evaluate(({ lat, lon, z }) => window.vigilNoc!.map.setView([lat, lon], z, { animate: false }), {
            ...CENTRE,
            z: zoom,
          });
          await new Promise((resolve) => setTimeout(resolve, 2000));
          const publishedBefore = feed.published();
          const started = Date.now();
          const { intervals, received } = await measure(page, seconds);
          const elapsed = (Date.now() - started) / 1000;
          const drawn = await page.evaluate(() => {
            const { map, drawn } = window.vigilNoc!;
            const view = map.getBounds();
            return drawn().filter((d) => view.contains([d.lat, d.lon]));
          });
          const sorted = [...intervals].sort((a, b) => a - b);
          const p50 = percentile(sorted, 50);
          const p95 = percentile(sorted, 95);
          figures.push({
            feed: feedKind,
            guards: count,
            periodS,
            load: round(os.loadavg()[0]!),
            view,
            zoom,
            fpsP50: round(1000 / p50),
            fpsP5: round(1000 / p95),
            frameP50Ms: round(p50),
            frameP95Ms: round(p95),
            receivedPerSecond: round(received / elapsed, 0),
            publishedPerSecond: round((feed.published() - publishedBefore) / elapsed, 0),
            drawn: {
              clusters: drawn.filter((d) => d.kind === "cluster").length,
              guards: drawn.filter((d) => d.kind === "guard").length,
            },
          });
          console.error(JSON.stringify(figures.at(-1)));
        }
        await page.close();
        await feed.stop();
      }
      if (idle.fpsP50 === 0) {
        // The same page with nothing arriving: what headless Chromium gives rAF on this machine now.
        const still = await context.newPage();
        await openNoc(still, vigilUrl, account);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const sorted = (await measure(still, 10)).intervals.sort((a, b) => a - b);
        idle = { fpsP50: round(1000 / percentile(sorted, 50)), fpsP5: round(1000 / percentile(sorted, 95)) };
        await still.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { idle, figures };
}
