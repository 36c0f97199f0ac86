import { describe, expect, it } from "vitest";
import { dayRuns, shiftsText } from "./shift-text";

describe("shift text", () => {
  it("joins runs of days and names single days", () => {
    expect(dayRuns([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(dayRuns([5, 1, 2, 3])).toBe("Mon–Wed, Fri");
    expect(dayRuns([6, 7])).toBe("Sat, Sun");
    expect(dayRuns([1, 2, 3, 4, 5, 6, 7])).toBe("Every day");
  });

  it("says when a shift runs past midnight and when there are no shifts", () => {
    expect(shiftsText([{ days: [1, 2, 3, 4, 5], from: "22:00", to: "06:00" }])).toBe("Mon–Fri 22:00–06:00 (overnight)");
    expect(shiftsText([])).toBe("Always on shift");
  });
});
