import { describe, expect, it } from "vitest";
import { BreakerOpenError } from "./circuit-breaker";
import { createKeyedBreakers } from "./keyed-breakers";

const fail = () => Promise.reject(new Error("503"));

describe("a circuit breaker per push host", () => {
  it("a host failing five times fails fast alone; other hosts still get their calls", async () => {
    const counts: number[] = [];
    const breakers = createKeyedBreakers({ name: "push", onChange: (n) => counts.push(n) });
    for (let i = 0; i < 5; i++)
      await breakers
        .forKey("evil.example")
        .run(fail)
        .catch(() => {});
    await expect(breakers.forKey("evil.example").run(() => Promise.resolve("sent"))).rejects.toBeInstanceOf(
      BreakerOpenError,
    );
    await expect(breakers.forKey("fcm.googleapis.com").run(() => Promise.resolve("sent"))).resolves.toBe("sent");
    expect(breakers.notClosed).toBe(1);
    expect(counts).toEqual([1]);
  });

  it("keeps at most maxKeys breakers, forgetting closed ones first and never an open one", async () => {
    const breakers = createKeyedBreakers({ name: "push", maxKeys: 3 });
    for (let i = 0; i < 5; i++)
      await breakers
        .forKey("down.example")
        .run(fail)
        .catch(() => {});
    for (const host of ["a", "b", "c", "d", "e"]) await breakers.forKey(host).run(() => Promise.resolve());
    await expect(breakers.forKey("down.example").run(() => Promise.resolve())).rejects.toBeInstanceOf(BreakerOpenError);
  });
});
