import { describe, expect, it } from "vitest";
import type { TourRunDto } from "@/server/contracts/patrols";
import { activeRunsReducer, emptyActiveRuns, sortedRuns, timeLeft } from "./active-runs";

const checkpoint = (name: string, visitedAt: string | null) => ({
  checkpointId: `00000000-0000-4000-8000-00000000000${name.length}`,
  name,
  visitedAt,
  method: visitedAt ? ("qr" as const) : null,
  guardExternalId: visitedAt ? "G-1" : null,
  missed: false,
});
const run = (id: string, visited: number, fields: Partial<TourRunDto> = {}): TourRunDto => ({
  id,
  tourId: "t",
  tourName: "Night round",
  siteId: "s",
  siteName: "Depot",
  guardExternalId: "G-1",
  guardName: "Ravi",
  dueAt: "2026-12-07T08:00:00.000Z",
  closesAt: "2026-12-07T08:20:00.000Z",
  status: visited > 0 ? "in_progress" : "scheduled",
  completedAt: null,
  alertId: null,
  checkpoints: ["a", "bb", "ccc"].map((name, i) => checkpoint(name, i < visited ? "2026-12-07T08:01:00.000Z" : null)),
  ...fields,
});

describe("the NOC's open tour runs", () => {
  it("applies progress, drops a finished run and keeps it out of later reloads", () => {
    let state = activeRunsReducer(emptyActiveRuns, { type: "reloaded", runs: [run("r1", 0), run("r2", 0)] });
    state = activeRunsReducer(state, { type: "changed", runs: [run("r1", 1)] });
    expect(sortedRuns(state).map((r) => r.checkpoints.filter((c) => c.visitedAt).length)).toEqual([1, 0]);
    state = activeRunsReducer(state, { type: "changed", runs: [run("r1", 3, { status: "completed" })] });
    expect(sortedRuns(state).map((r) => r.id)).toEqual(["r2"]);
    // An answer started before the run finished still lists it.
    state = activeRunsReducer(state, { type: "reloaded", runs: [run("r1", 1), run("r2", 0)] });
    expect(sortedRuns(state).map((r) => r.id)).toEqual(["r2"]);
  });

  it("never moves a run's progress backwards", () => {
    let state = activeRunsReducer(emptyActiveRuns, { type: "changed", runs: [run("r1", 2)] });
    state = activeRunsReducer(state, { type: "reloaded", runs: [run("r1", 1)] });
    expect(sortedRuns(state)[0]!.checkpoints.filter((c) => c.visitedAt).length).toBe(2);
  });

  it("lists the window closing first first, and says how long is left", () => {
    const state = activeRunsReducer(emptyActiveRuns, {
      type: "changed",
      runs: [run("late", 0, { closesAt: "2026-12-07T09:00:00.000Z" }), run("soon", 0)],
    });
    expect(sortedRuns(state).map((r) => r.id)).toEqual(["soon", "late"]);
    const now = Date.parse("2026-12-07T08:07:30.000Z");
    expect(timeLeft("2026-12-07T08:20:00.000Z", now)).toBe("13 min left");
    expect(timeLeft("2026-12-07T09:20:00.000Z", now)).toBe("1 h 13 min left");
    expect(timeLeft("2026-12-07T08:00:00.000Z", now)).toBe("overdue");
  });
});
