import { describe, expect, test } from "vitest";
import { createPublishThrottle } from "./publish-throttle";

describe("per-client publish throttle", () => {
  test("a burst passes at once, then publishes are spaced at the rate", () => {
    const throttle = createPublishThrottle({ ratePerSecond: 10, burst: 5 });
    const delays = Array.from({ length: 8 }, () => throttle.delayFor(1000));
    expect(delays).toEqual([0, 0, 0, 0, 0, 100, 200, 300]);
  });

  test("a client publishing at the rate is never held back", () => {
    const throttle = createPublishThrottle({ ratePerSecond: 10, burst: 1 });
    for (let t = 0; t < 10_000; t += 100) expect(throttle.delayFor(t)).toBe(0);
  });

  test("the allowance refills while the client is quiet", () => {
    const throttle = createPublishThrottle({ ratePerSecond: 10, burst: 2 });
    expect([throttle.delayFor(0), throttle.delayFor(0), throttle.delayFor(0)]).toEqual([0, 0, 100]);
    expect([throttle.delayFor(5000), throttle.delayFor(5000)]).toEqual([0, 0]);
  });

  test("a flood of 10,000 at once is spread over 10,000 / rate seconds", () => {
    const throttle = createPublishThrottle({ ratePerSecond: 50, burst: 100 });
    let last = 0;
    for (let i = 0; i < 10_000; i++) last = throttle.delayFor(0);
    expect(last).toBeCloseTo(((10_000 - 100) / 50) * 1000, 0);
  });
});
