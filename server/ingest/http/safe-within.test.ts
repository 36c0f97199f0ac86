import { expect, test } from "vitest";
import { createSafeWithin } from "./safe-within";

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

test("a fix stored within the bound is safe, one whose storage failed is not", async () => {
  const within = createSafeWithin(1_000);
  expect(await within(later(20, "stored"))).toBe(true);
  expect(await within(Promise.reject(new Error("database down")))).toBe(false);
});

test("a fix not stored within the bound is answered as not safe soon after the bound, and the others still wait", async () => {
  const within = createSafeWithin(300);
  const started = performance.now();
  const slow = within(new Promise(() => {}));
  await later(200, null);
  const quick = within(later(250, "stored"));
  expect(await slow).toBe(false);
  const waited = performance.now() - started;
  expect(waited).toBeGreaterThanOrEqual(300);
  expect(waited).toBeLessThan(300 + 1_000);
  // Began after the slow one and stored within its own bound: not swept with it.
  expect(await quick).toBe(true);
});

test("a late commit does not turn an answered 503 into a 200", async () => {
  const within = createSafeWithin(100);
  let store!: () => void;
  const answered = await within(new Promise<void>((resolve) => (store = resolve)));
  store();
  expect(answered).toBe(false);
});
