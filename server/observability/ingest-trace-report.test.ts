import { constants, createHistogram } from "node:perf_hooks";
import { describe, expect, test } from "vitest";
import { reportTrace, type MessageTrace, type TraceWindow } from "./ingest-trace-report";

// 99 messages of 10 ms (publish -> broadcast) and one of 110 ms that waited 100 ms in the batch writer.
function message(i: number): MessageTrace {
  const slow = i === 99;
  const arrivedAt = 1000 + i * 10;
  const batchStartedAt = arrivedAt + (slow ? 100 : 0);
  return {
    arrivedAt,
    publishedAt: arrivedAt - 2,
    pipelineMs: 0,
    batchStartedAt,
    doneAt: batchStartedAt + 8,
    steps: { caches: 1, commit: 5, broadcast: 2 },
  };
}

function window(): TraceWindow {
  const messages = Array.from({ length: 100 }, (_, i) => message(i));
  return {
    startedAt: performance.now(),
    handlers: new Map([["validate_payload", [0.001, 0.002]]]),
    batches: [{ size: 100, steps: { caches: 1, commit: 5, broadcast: 2 } }],
    messages,
    // A major GC inside the slow message's wait, a minor one before any message was published.
    gc: [
      { startedAt: 2000, ms: 30, kind: constants.NODE_PERFORMANCE_GC_MAJOR },
      { startedAt: 0, ms: 3, kind: constants.NODE_PERFORMANCE_GC_MINOR },
    ],
  };
}

describe("the ingest trace report", () => {
  test("the slowest 1% is broken down by step, with the GC inside it", () => {
    const report = reportTrace(window(), createHistogram(), process.memoryUsage());

    expect(report.toBroadcastMs).toMatchObject({ n: 100, p50: 10, max: 110 });
    expect(report.toCommitMs).toMatchObject({ p50: 8, max: 108 });
    expect(report.tail).toMatchObject({
      atLeastMs: 110,
      n: 1,
      withMajorGc: 1,
      meanMs: { publishToArrival: 2, queued: 100, caches: 1, commit: 5, broadcast: 2, majorGcWithin: 30 },
    });
    expect(report.gc).toEqual({
      major: { count: 1, totalMs: 30, maxMs: 30 },
      minor: { count: 1, totalMs: 3, maxMs: 3 },
    });
    expect(report.handlersUs.validate_payload).toMatchObject({ n: 2, max: 2 });
  });
});
