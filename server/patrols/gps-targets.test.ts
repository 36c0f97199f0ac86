import { describe, expect, it } from "vitest";
import { buildGpsTargets, fixReaches, metresBetween, type CheckpointPoint, type OpenRun } from "./gps-targets";

const dueAt = new Date("2026-12-07T08:00:00Z");
const later = new Date("2026-12-07T08:05:00Z");
const points = new Map<string, CheckpointPoint>([
  ["gate", { id: "gate", lat: 12.9716, lon: 77.5946, radiusM: 25 }],
  ["bay", { id: "bay", lat: 12.9726, lon: 77.5946, radiusM: 25 }],
]);
const run = (fields: Partial<OpenRun> = {}): OpenRun => ({
  runId: "run-1",
  guardId: "ravi",
  siteId: "depot",
  ordered: true,
  checkpointIds: ["gate", "bay", "roof"],
  visited: [],
  dueAt,
  ...fields,
});

describe("GPS targets of open tour runs", () => {
  it("a guard with no open run has no targets", () => {
    const targets = buildGpsTargets({ runs: [run()], points, siteGuards: new Map() });
    expect(targets.forGuard("someone-else")).toEqual([]);
  });

  it("an ordered run offers only its next checkpoint; an unordered one every unvisited one with a point", () => {
    const ordered = buildGpsTargets({ runs: [run({ visited: ["gate"] })], points, siteGuards: new Map() });
    expect(ordered.forGuard("ravi").map((t) => t.checkpointId)).toEqual(["bay"]);
    const unordered = buildGpsTargets({ runs: [run({ ordered: false })], points, siteGuards: new Map() });
    // "roof" has no point: it is proven by scanning only.
    expect(unordered.forGuard("ravi").map((t) => t.checkpointId)).toEqual(["gate", "bay"]);
  });

  it("a run without a guard is walked by the site's assigned guards, or by anyone when nobody is assigned", () => {
    const assigned = buildGpsTargets({
      runs: [run({ guardId: null })],
      points,
      siteGuards: new Map([["depot", ["asha"]]]),
    });
    expect(assigned.forGuard("asha")).toHaveLength(1);
    expect(assigned.forGuard("ravi")).toEqual([]);
    const anyone = buildGpsTargets({ runs: [run({ guardId: null })], points, siteGuards: new Map() });
    expect(anyone.forGuard("whoever")).toHaveLength(1);
  });

  it("a fix counts within the radius, with an accuracy no wider than it, once the run is due", () => {
    const [gate] = buildGpsTargets({ runs: [run()], points, siteGuards: new Map() }).forGuard("ravi");
    const at = (lat: number, accuracyM: number | undefined, time = later) => ({
      lat,
      lon: 77.5946,
      accuracyM,
      at: time,
    });
    expect(fixReaches(gate!, at(12.9717, 8))).toBe(true); // 11 m away
    expect(fixReaches(gate!, at(12.9719, 8))).toBe(false); // 33 m away
    expect(fixReaches(gate!, at(12.9717, 40))).toBe(false); // too vague to prove anything
    expect(fixReaches(gate!, at(12.9717, undefined))).toBe(true);
    expect(fixReaches(gate!, at(12.9717, 8, new Date("2026-12-07T07:59:00Z")))).toBe(false);
  });

  it("measures short distances to within a metre", () => {
    // 0.001° of latitude is 111.2 m; of longitude at 12.97° N, 108.3 m.
    expect(metresBetween(12.9716, 77.5946, 12.9726, 77.5946)).toBeCloseTo(111.2, 0);
    expect(metresBetween(12.9716, 77.5946, 12.9716, 77.5956)).toBeCloseTo(108.3, 0);
  });
});
