// Turns one window of server/ingest/ingest-trace.ts samples into the figures that explain
// the latency tail: where the slowest 1% of messages spent their time, and
// how much of it was the event loop held up or the GC.
import { constants, type Histogram } from "node:perf_hooks";

/** A batch's steps, in order; each mark ends one (server/ingest/ingest-trace.ts). */
export type BatchStep = "caches" | "dedupe" | "geofence" | "statements" | "commit" | "broadcast";

export type BatchSteps = Partial<Record<BatchStep, number>>;

export type MessageTrace = {
  /** performance.now() clock throughout. */
  arrivedAt: number;
  publishedAt: number | undefined;
  pipelineMs: number;
  batchStartedAt: number;
  doneAt: number;
  steps: BatchSteps;
};

export type TraceWindow = {
  startedAt: number;
  handlers: Map<string, number[]>;
  batches: { size: number; steps: BatchSteps }[];
  messages: MessageTrace[];
  gc: { startedAt: number; ms: number; kind: number }[];
};

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

const round = (n: number) => Math.round(n * 100) / 100;

function spread(samples: number[], scale = 1) {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number) => round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * scale);
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));

export function reportTrace(window: TraceWindow, loopDelay: Histogram, memory: NodeJS.MemoryUsage) {
  const origin = (m: MessageTrace) => m.publishedAt ?? m.arrivedAt;
  const total = (m: MessageTrace) => m.doneAt - origin(m);
  const threshold = spread(window.messages.map(total)).p99;
  const tail = window.messages.filter((m) => total(m) >= threshold);
  const gcWithin = (m: MessageTrace, kinds?: number[]) =>
    window.gc
      .filter((g) => (!kinds || kinds.includes(g.kind)) && g.startedAt < m.doneAt && g.startedAt + g.ms > origin(m))
      .reduce((sum, g) => sum + g.ms, 0);
  const steps = Object.keys(window.batches[0]?.steps ?? {}) as BatchStep[];
  const gcByKind = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  for (const g of window.gc) {
    const name = GC_KINDS[g.kind] ?? String(g.kind);
    const entry = gcByKind.get(name) ?? { count: 0, totalMs: 0, maxMs: 0 };
    gcByKind.set(name, {
      count: entry.count + 1,
      totalMs: round(entry.totalMs + g.ms),
      maxMs: round(Math.max(entry.maxMs, g.ms)),
    });
  }
  return {
    seconds: round((performance.now() - window.startedAt) / 1000),
    messages: window.messages.length,
    handlersUs: Object.fromEntries([...window.handlers].map(([name, ms]) => [name, spread(ms, 1000)])),
    batchSize: spread(window.batches.map((b) => b.size)),
    batchStepsMs: Object.fromEntries(steps.map((s) => [s, spread(window.batches.map((b) => b.steps[s] ?? 0))])),
    // From publish (the fix's own timestamp, when the publisher shares this clock) or else arrival.
    toCommitMs: spread(window.messages.map((m) => m.doneAt - (m.steps.broadcast ?? 0) - origin(m))),
    toBroadcastMs: spread(window.messages.map(total)),
    arrivalToBroadcastMs: spread(window.messages.map((m) => m.doneAt - m.arrivedAt)),
    tail: {
      atLeastMs: threshold,
      n: tail.length,
      meanMs: {
        publishToArrival: mean(tail.map((m) => m.arrivedAt - origin(m))),
        pipeline: mean(tail.map((m) => m.pipelineMs)),
        queued: mean(tail.map((m) => m.batchStartedAt - m.arrivedAt - m.pipelineMs)),
        ...Object.fromEntries(steps.map((s) => [s, mean(tail.map((m) => m.steps[s] ?? 0))])),
        gcPausesWithin: mean(tail.map((m) => gcWithin(m))),
        majorGcWithin: mean(tail.map((m) => gcWithin(m, [constants.NODE_PERFORMANCE_GC_MAJOR]))),
      },
      withAnyGc: tail.filter((m) => gcWithin(m) > 0).length,
      withMajorGc: tail.filter((m) => gcWithin(m, [constants.NODE_PERFORMANCE_GC_MAJOR]) > 0).length,
    },
    loopDelayMs: {
      p50: round(loopDelay.percentile(50) / 1e6),
      p99: round(loopDelay.percentile(99) / 1e6),
      max: round(loopDelay.max / 1e6),
    },
    gc: Object.fromEntries(gcByKind),
    heapUsedMb: round(memory.heapUsed / 2 ** 20),
    rssMb: round(memory.rss / 2 ** 20),
  };
}

export type TraceReport = ReturnType<typeof reportTrace>;
