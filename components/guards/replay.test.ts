import { describe, expect, it } from "vitest";
import type { LocationDto } from "@/server/contracts/api";
import { fromLocalInput, outsideRuns, positionAt, toLocalInput, type TrackPoint } from "./replay";

const track: TrackPoint[] = [
  { t: 0, lat: 10, lon: 20 },
  { t: 10_000, lat: 10.001, lon: 20 },
  { t: 30_000, lat: 10.001, lon: 20.002 },
];

function fix(second: number, outside: boolean): LocationDto {
  return {
    recordedAt: new Date(Date.UTC(2026, 10, 26, 20, 0, second)).toISOString(),
    lat: 10,
    lon: 20,
    accuracyM: 5,
    speed: null,
    heading: null,
    battery: null,
    geofenceViolation: outside,
  };
}

describe("replay", () => {
  it("interpolates between the fixes around a moment and clamps to the track", () => {
    expect(positionAt(track, 5_000)).toMatchObject({ lon: 20, index: 0 });
    expect(positionAt(track, 5_000)!.lat).toBeCloseTo(10.0005, 9);
    expect(positionAt(track, 20_000)).toMatchObject({ lat: 10.001, index: 1 });
    expect(positionAt(track, 20_000)!.lon).toBeCloseTo(20.001, 9);
    expect(positionAt(track, -1)).toEqual({ lat: 10, lon: 20, index: 0 });
    expect(positionAt(track, 99_000)).toEqual({ lat: 10.001, lon: 20.002, index: 2 });
    expect(positionAt([], 0)).toBeNull();
  });

  it("groups consecutive fixes outside a fence into runs", () => {
    const runs = outsideRuns([fix(0, false), fix(5, true), fix(10, true), fix(15, false), fix(20, true)]);
    expect(runs.map((r) => [r.first, r.last, r.fixes])).toEqual([
      [1, 2, 2],
      [4, 4, 1],
    ]);
    expect(runs[0]!.to).toBe(fix(10, true).recordedAt);
  });

  it("round-trips the time-range form's local date-times", () => {
    const iso = fromLocalInput("2026-11-26T21:05");
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso!)).toBe("2026-11-26T21:05");
    expect(fromLocalInput("yesterday")).toBeNull();
  });
});
