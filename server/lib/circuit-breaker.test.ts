import { describe, expect, it } from "vitest";
import { BreakerOpenError, createCircuitBreaker, type BreakerState } from "./circuit-breaker";

const fail = () => Promise.reject(new Error("503"));
const succeed = () => Promise.resolve("ok");

describe("circuit breaker", () => {
  it("opens after the threshold of failures in a row and then fails fast without calling the provider", async () => {
    const clock = 0;
    const changes: BreakerState[] = [];
    const breaker = createCircuitBreaker({
      name: "sms",
      threshold: 3,
      openMs: 1000,
      now: () => clock,
      onChange: (s) => changes.push(s),
    });
    for (let i = 0; i < 3; i += 1) await expect(breaker.run(fail)).rejects.toThrow("503");
    expect(breaker.state).toBe("open");
    let called = false;
    await expect(
      breaker.run(async () => {
        called = true;
        return "x";
      }),
    ).rejects.toBeInstanceOf(BreakerOpenError);
    expect(called).toBe(false);
    expect(changes).toEqual(["open"]);
  });

  it("lets one call through after the open period and closes when it succeeds", async () => {
    let clock = 0;
    const breaker = createCircuitBreaker({ name: "sms", threshold: 1, openMs: 1000, now: () => clock });
    await expect(breaker.run(fail)).rejects.toThrow();
    clock = 1000;
    expect(breaker.state).toBe("half-open");
    await expect(breaker.run(succeed)).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
  });

  it("reopens at once when the trial call fails", async () => {
    let clock = 0;
    const breaker = createCircuitBreaker({ name: "email", threshold: 5, openMs: 1000, now: () => clock });
    for (let i = 0; i < 5; i += 1) await expect(breaker.run(fail)).rejects.toThrow();
    clock = 1500;
    await expect(breaker.run(fail)).rejects.toThrow("503");
    expect(breaker.state).toBe("open");
  });

  it("a success resets the count of failures", async () => {
    const breaker = createCircuitBreaker({ name: "sms", threshold: 2 });
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(succeed);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
  });
});
