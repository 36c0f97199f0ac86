import { describe, expect, test } from "vitest";
import { formatRelative } from "./format-relative";

const now = Date.parse("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("formatRelative", () => {
  test.each([
    [ago(10_000), "just now"],
    [ago(5 * 60_000), "5 min ago"],
    [ago(3 * 3_600_000), "3 h ago"],
    [ago(2 * 86_400_000), "2 d ago"],
    [ago(-4 * 60_000), "in 4 min"],
  ])("%s reads as %s", (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });

  test("an unreadable time says so instead of NaN", () => {
    expect(formatRelative("not a date", now)).toBe("unknown");
  });
});
