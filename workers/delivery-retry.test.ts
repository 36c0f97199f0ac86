import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./delivery-retry";

const settings = { baseMs: 2000, maxMs: 30_000 };

describe("retryDelayMs", () => {
  it("doubles from the base up to the cap", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 20].map((attempt) => retryDelayMs(attempt, settings, middle))).toEqual([
      2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("spreads retries by 20% either way", () => {
    expect(retryDelayMs(1, settings, () => 0)).toBe(1600);
    expect(retryDelayMs(1, settings, () => 1)).toBe(2400);
  });
});
