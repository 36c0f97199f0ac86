// Opt-in timing of the ingest hot path, for finding its latency tail
// (INGEST_TRACE_FILE): per message the time in each pipeline stage and in
// each step of its batch (caches, dedupe, geofence, statements, COMMIT,
// broadcast), with the event loop's delay and the GC pauses beside them.
// SIGUSR2 opens a window; the next SIGUSR2 writes what it saw in it
// (observability/ingest-trace-report.ts) to the file and closes it, so traffic
// between windows (a throughput run) is not slowed by the recording. Both
// write the file, which the reader watches. Off (the default) the stages are
// returned as they are and every other hook is a no-op, so the hot path pays one call.
import { renameSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import {
  reportTrace,
  type BatchStep,
  type BatchSteps,
  type MessageTrace,
  type TraceWindow,
} from "../observability/ingest-trace-report";
import type { PipelineStages } from "./pipeline/run-pipeline";
import { isRejected, type BatchItem, type InboundMessage, type Stage } from "./pipeline/types";

type IngestTrace = {
  stages: (stages: PipelineStages) => PipelineStages;
  batchStart: (items: BatchItem[]) => void;
  mark: (step: BatchStep) => void;
  batchEnd: () => void;
};

const off: IngestTrace = {
  stages: (stages) => stages,
  batchStart: () => {},
  mark: () => {},
  batchEnd: () => {},
};

/** The hooks the hot path calls; no-ops unless startIngestTrace has run. */
export let ingestTrace: IngestTrace = off;

function emptyWindow(): TraceWindow {
  return { startedAt: performance.now(), handlers: new Map(), batches: [], messages: [], gc: [] };
}

// A fix's own timestamp is its publish time when the publisher shares this clock (the bench).
function publishedAt(item: BatchItem): number | undefined {
  const stamp = !isRejected(item) && item.family === "guard" ? item.data.timestamp : undefined;
  return stamp === undefined ? undefined : Date.parse(stamp) - performance.timeOrigin;
}

export function startIngestTrace({ file }: { file: string }): void {
  let window = emptyWindow();
  let recording = false;
  const pipelineMs = new WeakMap<InboundMessage, number>();
  let batch: { items: BatchItem[]; startedAt: number; last: number; steps: BatchSteps } | undefined;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  new PerformanceObserver((list) => {
    if (!recording) return;
    for (const entry of list.getEntries()) {
      // Node puts the GC's kind in the entry's detail (NODE_PERFORMANCE_GC_*); the DOM typing has no such field.
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      window.gc.push({ startedAt: entry.startTime, ms: entry.duration, kind });
    }
  }).observe({ entryTypes: ["gc"] });

  /** The stage, timed; its time is added to the message's (found in the stage's input by messageOf). */
  function timed<In, Out>({ name, run }: Stage<In, Out>, messageOf: (input: In) => InboundMessage): Stage<In, Out> {
    return {
      name,
      run(input) {
        if (!recording) return run(input);
        const t0 = performance.now();
        const record = <R>(result: R): R => {
          const ms = performance.now() - t0;
          const message = messageOf(input);
          pipelineMs.set(message, (pipelineMs.get(message) ?? 0) + ms);
          const samples = window.handlers.get(name) ?? [];
          samples.push(ms);
          window.handlers.set(name, samples);
          return result;
        };
        const result = run(input);
        return result instanceof Promise ? result.then(record) : record(result);
      },
    };
  }

  ingestTrace = {
    stages: ({ route, identify, decode, validate }) => ({
      route: timed(route, (message) => message),
      identify: timed(identify, ({ message }) => message),
      decode: timed(decode, ({ message }) => message),
      validate: timed(validate, ({ message }) => message),
    }),
    batchStart(items) {
      if (!recording) return;
      const now = performance.now();
      batch = { items, startedAt: now, last: now, steps: {} };
    },
    mark(step) {
      if (!batch) return;
      const now = performance.now();
      batch.steps[step] = (batch.steps[step] ?? 0) + now - batch.last;
      batch.last = now;
    },
    batchEnd() {
      if (!batch) return;
      const { items, startedAt, last, steps } = batch;
      batch = undefined;
      window.batches.push({ size: items.length, steps });
      for (const item of items) {
        const trace: MessageTrace = {
          arrivedAt: item.message.arrivedAt,
          publishedAt: publishedAt(item),
          pipelineMs: pipelineMs.get(item.message) ?? 0,
          batchStartedAt: startedAt,
          doneAt: last,
          steps,
        };
        window.messages.push(trace);
      }
    },
  };

  process.on("SIGUSR2", () => {
    const report = reportTrace(window, loopDelay, process.memoryUsage());
    // Whole or not at all: the reader watches for the file.
    writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
    renameSync(`${file}.tmp`, file);
    loopDelay.reset();
    window = emptyWindow();
    recording = !recording;
  });
}
