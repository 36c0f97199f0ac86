import { describe, expect, it } from "vitest";
import { isShortcut, stepSelection } from "./noc-shortcuts";

describe("NOC keyboard shortcuts", () => {
  it("moves through the queue and stops at its ends", () => {
    const ids = ["a", "b", "c"];
    expect(stepSelection(ids, null, 1)).toBe("a");
    expect(stepSelection(ids, null, -1)).toBe("c");
    expect(stepSelection(ids, "a", 1)).toBe("b");
    expect(stepSelection(ids, "c", 1)).toBe("c");
    expect(stepSelection(ids, "a", -1)).toBe("a");
    expect(stepSelection(ids, "gone", 1)).toBe("a");
    expect(stepSelection([], "a", 1)).toBeNull();
  });

  it("leaves typing in fields and modified keys alone", () => {
    const key = (target: unknown, mods: Partial<KeyboardEvent> = {}) =>
      isShortcut({ ctrlKey: false, altKey: false, metaKey: false, target: target as EventTarget, ...mods });
    expect(key({ tagName: "BODY" })).toBe(true);
    expect(key({ tagName: "INPUT" })).toBe(false);
    expect(key({ tagName: "TEXTAREA" })).toBe(false);
    expect(key({ tagName: "DIV", isContentEditable: true })).toBe(false);
    expect(key({ tagName: "BODY" }, { ctrlKey: true })).toBe(false);
  });
});
