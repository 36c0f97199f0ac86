// The ingest figures on both brokers side by side in one run: Mosquitto (an
// external broker) and the embedded aedes broker inside the Vigil process
// (what `npm start` runs). The two alternate measure by measure, so both meet
// the same machine load, and each row states the ratio.
import type { FakeProviders } from "../../test/harness/fake-providers";
import type { TraceReport } from "../../server/observability/ingest-trace-report";
import { waitFor } from "../../test/harness/wait-for";
import { countLocations, latencyAtRate, sustainedThroughput } from "./ingest-load";
import { panicLatency } from "./panic-latency";
import { round } from "./stats";
import type { VigilProcess } from "./vigil-process";

export type Row = [string, string, string];
export type Target = { name: string; vigil: VigilProcess; token: string; guards: string[] };

type Figures = { p50: number; p99: number };
const pair = (f: Figures) => `${round(f.p50)} / ${round(f.p99)}`;
const side = (targets: Target[], figures: Figures[], unit = "ms") =>
  targets.map((t, i) => `${t.name} ${pair(figures[i]!)} ${unit}`).join("; ");
const ratio = (targets: Target[], figures: number[]) =>
  targets.length < 2 ? "" : `${targets[1]!.name}/${targets[0]!.name} ${round(figures[1]! / figures[0]!, 2)}x; `;

export async function compareThroughput(targets: Target[]): Promise<Row[]> {
  const perSecond: number[] = [];
  for (const { vigil, guards } of targets) {
    const load = { mqttUrl: vigil.mqttUrl, databaseUrl: vigil.databaseUrl, guards };
    // Warm the source cache and the JIT with one pass over every guard.
    await sustainedThroughput({ ...load, count: 10_000, qos: 0 });
    perSecond.push((await sustainedThroughput({ ...load, count: 100_000, qos: 1 })).perSecond);
  }
  return [
    [
      "Ingest GPS, QoS 1, 10,000 guards, 100,000 fixes, end to end (validated, committed, broadcast)",
      targets.map((t, i) => `${t.name} ${round(perSecond[i]!, 0)} msg/s`).join("; "),
      `${ratio(targets, perSecond)}budget ≥ 10,000 msg/s`,
    ],
  ];
}

/** Where the slowest 1% spent their time, from the ingest trace (docs/architecture.md, the tail). */
function tailRow(at: string, target: Target, trace: TraceReport): Row {
  const { meanMs, atLeastMs, n, withMajorGc } = trace.tail;
  const parts = Object.entries(meanMs).map(([step, ms]) => `${step} ${ms}`);
  return [
    `${at}, ${target.name}: the slowest 1% (publish -> broadcast ≥ ${atLeastMs} ms), mean ms by step`,
    parts.join(", "),
    `${n} messages, ${withMajorGc} with a major GC inside; event loop delay p99 ${trace.loopDelayMs.p99} / max ${trace.loopDelayMs.max} ms; ` +
      `GC ${Object.entries(trace.gc)
        .map(([kind, g]) => `${kind} ${g.count}x max ${g.maxMs} ms`)
        .join(", ")}; batch size p50 ${trace.batchSize.p50} / p99 ${trace.batchSize.p99}`,
  ];
}

/** The first measure runs right after the start: its 10,000 fixes are each guard's first since then. */
export async function compareLatency(
  targets: Target[],
  rates = [1000, 1000, 5000],
): Promise<{ rows: Row[]; traces: unknown[] }> {
  const rows: Row[] = [];
  const traces: unknown[] = [];
  for (const [i, rate] of rates.entries()) {
    const client: Figures[] = [];
    const commit: Figures[] = [];
    const tails: Row[] = [];
    const cpuPerThousand: number[] = [];
    const at = `At ${rate.toLocaleString("en")} msg/s (QoS 1)${i === 0 ? ", each guard's first fix since the start" : ""}`;
    for (const target of targets) {
      const { vigil, token, guards } = target;
      console.error(`${at}, ${target.name}…`);
      const stored = await countLocations(vigil.databaseUrl);
      await vigil.trace();
      const cpu = vigil.cpuSeconds();
      client.push(
        await latencyAtRate({ mqttUrl: vigil.mqttUrl, vigilUrl: vigil.url, token, guards, rate, seconds: 10 }),
      );
      const trace = await vigil.trace();
      cpuPerThousand.push(((vigil.cpuSeconds() - cpu) / trace.messages) * 1000);
      // A backlog left behind would be the next measure's: wait until every fix is stored.
      await waitFor(async () => (await countLocations(vigil.databaseUrl)) >= stored + rate * 10, {
        timeoutMs: 300_000,
        intervalMs: 500,
        what: "the fixes stored",
      });
      traces.push({ target: target.name, rate, trace });
      commit.push(trace.toCommitMs);
      tails.push(tailRow(at, target, trace));
    }
    rows.push(
      [
        `${at}: publish -> commit, p50 / p99 (Vigil's ingest trace, the fix's timestamp to its COMMIT)`,
        side(targets, commit),
        `${ratio(
          targets,
          commit.map((c) => c.p99),
        )}budget p99 < 50 ms at 5,000 msg/s`,
      ],
      [
        `${at}: publish -> Socket.IO client, p50 / p99`,
        side(targets, client),
        `${ratio(
          targets,
          client.map((c) => c.p99),
        )}budget p99 < 25 ms at 1,000 msg/s`,
      ],
      [
        `${at}: the Vigil process's CPU time per 1,000 messages (user + system, its PostgreSQL apart)`,
        targets.map((t, i) => `${t.name} ${round(cpuPerThousand[i]!, 3)} s`).join("; "),
        `${ratio(targets, cpuPerThousand)}the thread's capacity is about 1,000 / this msg/s`,
      ],
      ...tails,
    );
  }
  return { rows, traces };
}

/** Panic -> banner while the 5,000 msg/s GPS stream runs (the stream's own samples are not kept). */
export async function comparePanicUnderStream(targets: Target[], fake: FakeProviders): Promise<Row[]> {
  const banners: (Figures & { n: number })[] = [];
  for (const { name, vigil, token, guards } of targets) {
    console.error(`Panic under the 5,000 msg/s stream, ${name}…`);
    const stream = latencyAtRate({
      mqttUrl: vigil.mqttUrl,
      vigilUrl: vigil.url,
      token,
      guards: guards.slice(1000),
      rate: 5000,
      seconds: 16,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const panics = await panicLatency({
      vigilUrl: vigil.url,
      mqttUrl: vigil.mqttUrl,
      token,
      fake,
      guards: guards.slice(500, 620),
      rate: 10,
      warmUp: 20,
    });
    await stream;
    banners.push(panics.banner);
  }
  return [
    [
      "Panic (QoS 2) -> NOC banner event while 5,000 GPS msg/s stream in, 100 panics at 10/s after 20, p50 / p99",
      side(targets, banners),
      `${ratio(
        targets,
        banners.map((b) => b.p99),
      )}${banners[0]?.n ?? 0} samples each; budget p99 < 100 ms`,
    ],
  ];
}
