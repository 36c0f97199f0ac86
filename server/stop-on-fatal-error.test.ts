import { EventEmitter } from "node:events";
import { expect, test, vi } from "vitest";
import { rootLogger } from "./observability/logger";
import { stopOnFatalError } from "./stop-on-fatal-error";

const logger = rootLogger.child({});
logger.level = "silent";

function harness(stop: () => Promise<unknown>, drainTimeoutMs = 1000) {
  const events = new EventEmitter();
  const exits: number[] = [];
  const exited = new Promise<void>((resolve) =>
    stopOnFatalError({ stop, logger, drainTimeoutMs, events, exit: (code) => (exits.push(code), resolve()) }),
  );
  return { events, exits, exited };
}

test("an uncaught exception drains the process with its clean stop, then exits with 1", async () => {
  const order: string[] = [];
  const { events, exits, exited } = harness(async () => void order.push("stopped"));
  events.emit("uncaughtException", new TypeError("Cannot read properties of null (reading 'write')"));
  await exited;
  expect(order).toEqual(["stopped"]);
  expect(exits).toEqual([1]);
});

test("an unhandled rejection stops the process the same way", async () => {
  const stop = vi.fn(async () => {});
  const { events, exits, exited } = harness(stop);
  events.emit("unhandledRejection", new Error("rejected"), Promise.resolve());
  await exited;
  expect(stop).toHaveBeenCalledTimes(1);
  expect(exits).toEqual([1]);
});

test("a drain that hangs is cut at the timeout and the process still exits with 1", async () => {
  const { events, exits, exited } = harness(() => new Promise(() => {}), 50);
  events.emit("uncaughtException", new Error("boom"));
  await exited;
  expect(exits).toEqual([1]);
});

test("errors during the drain start no second stop and exit once", async () => {
  let finish = () => {};
  const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  const { events, exits, exited } = harness(stop);
  events.emit("uncaughtException", new Error("first"));
  events.emit("uncaughtException", new Error("second"));
  events.emit("unhandledRejection", new Error("third"), Promise.resolve());
  finish();
  await exited;
  expect(stop).toHaveBeenCalledTimes(1);
  expect(exits).toEqual([1]);
});

test("a failing clean stop still ends in exit 1", async () => {
  const { events, exits, exited } = harness(() => Promise.reject(new Error("stop failed")));
  events.emit("uncaughtException", new Error("boom"));
  await exited;
  expect(exits).toEqual([1]);
});
