import { describe, expect, test } from "vitest";
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyDecoyPassword, verifyPassword } from "./password";

// A hash costs about a quarter second on a quiet core, seconds on a busy CI machine.
describe("password hashing", { timeout: 60_000 }, () => {
  test("new hashes use OWASP's minimum scrypt parameters (N=2^17, r=8, p=1)", async () => {
    const stored = await hashPassword("correct-horse");
    expect(stored.split("$").slice(1, 4)).toEqual(["131072", "8", "1"]);
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    expect(await verifyPassword("correct-horse", stored)).toBe(true);
    expect(await verifyPassword("wrong-horse", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  test("a hash made with the old parameters (N=2^14) still verifies and asks to be rehashed", async () => {
    // Made by the previous hashPassword (N=16384) for "old-password".
    const old = "scrypt$16384$8$1$MJ2qcaOA0bGIj8D1lkanOA==$rLX4MDhttGhOnbH5EIOTFIF1OteK1JxtvaSEIvFE6rk=";
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword("old-password", old)).toBe(true);
  });

  test("a hash asking for absurd work is refused rather than computed", async () => {
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$AAAA$AAAA")).toBe(false);
  });

  test("an unknown email costs about as much as a known one (no timing oracle)", async () => {
    const stored = await hashPassword("pw");
    await verifyDecoyPassword("warm-up");
    // CPU time of the whole process (scrypt runs on libuv's threads): unlike the wall clock, other processes on a
    // busy machine do not inflate it, so the ratio says whether the same work was done.
    const time = async (work: () => Promise<unknown>) => {
      const start = process.cpuUsage();
      await work();
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    const known = await time(() => verifyPassword("guess", stored));
    const unknown = await time(() => verifyDecoyPassword("guess"));
    expect(await verifyDecoyPassword("pw")).toBe(false);
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });
});
