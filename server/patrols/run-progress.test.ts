import { describe, expect, it } from "vitest";
import { missingCheckpoints, runStatus, visitCounts, type RunPlan } from "./run-progress";

const closesAt = new Date("2026-12-07T08:20:00Z");
const ordered: RunPlan = { checkpointIds: ["a", "b", "c"], ordered: true, closesAt };
const unordered: RunPlan = { ...ordered, ordered: false };
const visit = (checkpointId: string, minute: number) => ({
  checkpointId,
  visitedAt: new Date(Date.UTC(2026, 11, 7, 8, minute)),
});
const before = new Date("2026-12-07T08:10:00Z");
const after = new Date("2026-12-07T08:30:00Z");

describe("tour run progress", () => {
  it("an ordered tour counts only the next checkpoint; an unordered one any unvisited one", () => {
    expect(visitCounts(ordered, [], "b")).toBe(false);
    expect(visitCounts(ordered, [], "a")).toBe(true);
    expect(visitCounts(ordered, ["a"], "b")).toBe(true);
    expect(visitCounts(unordered, [], "c")).toBe(true);
    expect(visitCounts(unordered, ["c"], "c")).toBe(false);
    expect(visitCounts(unordered, [], "elsewhere")).toBe(false);
  });

  it("scheduled until the first visit, then in progress, completed when all are visited in the window", () => {
    expect(runStatus(ordered, [], before)).toBe("scheduled");
    expect(runStatus(ordered, [visit("a", 1)], before)).toBe("in_progress");
    expect(runStatus(ordered, [visit("a", 1), visit("b", 5), visit("c", 9)], after)).toBe("completed");
  });

  it("missed when the window closes with checkpoints unvisited, naming them", () => {
    expect(runStatus(ordered, [visit("a", 1)], after)).toBe("missed");
    expect(missingCheckpoints(ordered, [visit("a", 1)])).toEqual(["b", "c"]);
    expect(runStatus(unordered, [], closesAt)).toBe("missed");
  });

  it("late when the last checkpoint was visited after the window closed", () => {
    expect(runStatus(unordered, [visit("c", 2), visit("a", 3), visit("b", 25)], after)).toBe("late");
  });
});
