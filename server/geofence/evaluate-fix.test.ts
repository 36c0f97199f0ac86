import { describe, expect, it } from "vitest";
import { prepareFence, type Fence, type PreparedFence } from "./fence";
import { evaluateFix, type Fix, type GuardFenceState } from "./evaluate-fix";

// A 200 m square around a Bangalore site; metres to degrees near 12.97°N.
const LAT = 12.9716;
const LON = 77.5946;
const dLat = (m: number) => m / 111_320;
const dLon = (m: number) => m / (111_320 * Math.cos((LAT * Math.PI) / 180));
const square: Fence = {
  id: "gate-yard",
  siteId: "site-1",
  bufferM: 10,
  confirmFixes: 3,
  confirmSeconds: null,
  shape: {
    kind: "polygon",
    polygon: {
      type: "Feature",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [LON - dLon(100), LAT - dLat(100)],
            [LON + dLon(100), LAT - dLat(100)],
            [LON + dLon(100), LAT + dLat(100)],
            [LON - dLon(100), LAT + dLat(100)],
            [LON - dLon(100), LAT - dLat(100)],
          ],
        ],
      },
    },
  },
};
const fences: PreparedFence[] = [prepareFence(square)];
// A fix `m` metres north of the square's northern edge (negative: inside).
const north = (m: number, at: number, accuracyM: number): Fix => ({
  lat: LAT + dLat(100 + m),
  lon: LON,
  accuracyM,
  at,
});

function run(fixes: Fix[], on: PreparedFence[] = fences) {
  let state: GuardFenceState | undefined;
  const events = [];
  for (const fix of fixes) {
    const result = evaluateFix(state, fix, on);
    state = result.state;
    events.push(...result.events);
  }
  return { state: state!, events };
}

describe("geofence engine", () => {
  it("GPS jitter along the edge never raises a violation (fixes 5 m outside with 20 m accuracy)", () => {
    const track = Array.from({ length: 60 }, (_, i) => north(i % 2 === 0 ? 15 : 5, 1000 * (i + 1), 20));
    expect(run(track).events).toEqual([]);
  });

  it("walking away raises one violation once confirmed, with why, and one return when back", () => {
    const walk = [
      north(-20, 1000, 8),
      north(60, 31_000, 8),
      north(80, 61_000, 8),
      north(100, 91_000, 8),
      north(120, 121_000, 8),
    ];
    const out = run(walk);
    expect(out.events).toMatchObject([
      { kind: "violation", fence: { id: "gate-yard" }, accuracyM: 8, confirmedBy: { fixes: 3, seconds: 60 } },
    ]);
    // 100 m north of the edge, less the 10 m buffer (within the metres-per-degree approximation of this test).
    expect((out.events[0] as { metresOutside: number }).metresOutside).toBeCloseTo(90, 0);
    expect(out.state.status).toBe("outside");
    const back = run([...walk, north(30, 151_000, 8), north(-5, 181_000, 8), north(3, 211_000, 8)]);
    expect(back.events.map((e) => e.kind)).toEqual(["violation", "returned"]);
  });

  it("a fast crossing between two far-apart fixes is confirmed by time when the fence says so", () => {
    const timed: PreparedFence[] = [prepareFence({ ...square, confirmFixes: 10, confirmSeconds: 30 })];
    const { events } = run([north(-50, 1000, 10), north(800, 31_000, 10), north(900, 61_000, 10)], timed);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "violation", confirmedBy: { fixes: 2, seconds: 30 } });
  });

  it("a fix older than the last one processed changes nothing", () => {
    const { state } = run([north(200, 5000, 5), north(200, 6000, 5)]);
    const late = evaluateFix(state, north(-50, 4000, 5), fences);
    expect(late).toMatchObject({ stale: true, events: [], state });
  });

  it("circles: outside only beyond radius plus buffer plus accuracy", () => {
    const circle: PreparedFence[] = [
      prepareFence({
        ...square,
        id: "post",
        shape: { kind: "circle", center: [LON, LAT], radiusM: 50 },
        confirmFixes: 1,
      }),
    ];
    const at = (m: number, t: number, acc: number): Fix => ({ lat: LAT + dLat(m), lon: LON, accuracyM: acc, at: t });
    expect(run([at(70, 1, 15)], circle).events).toEqual([]); // 10 m beyond the buffer, 15 m accuracy: uncertain
    expect(run([at(90, 1, 15)], circle).events).toMatchObject([{ kind: "violation", fence: { id: "post" } }]);
  });

  it("a guard inside any of the site's fences is inside", () => {
    const annex = prepareFence({
      ...square,
      id: "annex",
      shape: { kind: "circle", center: [LON, LAT + dLat(400)], radiusM: 60 },
    });
    expect(run([north(300, 1, 5), north(300, 2, 5), north(300, 3, 5)], [...fences, annex]).events).toEqual([]);
  });
});
