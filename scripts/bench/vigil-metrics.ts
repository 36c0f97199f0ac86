// Reads Vigil's own ingest latency histogram (arrival at the ingestor to
// commit) between two scrapes, to separate Vigil's time from the broker's
// and the load generator's; and times /metrics itself, as Prometheus sees it.
import { setTimeout as sleep } from "node:timers/promises";
import { summary } from "./stats";

type Buckets = Map<number, number>;

async function scrape(url: string): Promise<Buckets> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets: Buckets = new Map();
  for (const match of text.matchAll(/^vigil_ingest_latency_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
    buckets.set(match[1] === "+Inf" ? Infinity : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

export async function ingestLatencyWindow(url: string) {
  const before = await scrape(url);
  return async (): Promise<{ p50: string; p99: string }> => {
    const after = await scrape(url);
    const deltas = [...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)] as const).sort((a, b) => a[0] - b[0]);
    const total = deltas.at(-1)?.[1] ?? 0;
    const bound = (q: number) => {
      const hit = deltas.find(([, n]) => n >= q * total);
      return hit ? (hit[0] === Infinity ? "> 2.5 s" : `≤ ${hit[0] * 1000} ms`) : "n/a";
    };
    return { p50: bound(0.5), p99: bound(0.99) };
  };
}

/**
 * Scrapes /metrics one request at a time, every `everyMs`, until the returned
 * function is called: the scrape's latency p50 / p99 in ms (request sent to
 * body read) and the number of series in the last answer.
 */
export function metricsScrapeLatency(url: string, everyMs = 100) {
  const samples: number[] = [];
  let series = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const text = await (await fetch(`${url}/metrics`)).text();
      samples.push(performance.now() - started);
      series = text.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length;
      await sleep(everyMs);
    }
  })();
  return async (): Promise<{ n: number; p50: number; p99: number; series: number }> => {
    running = false;
    await loop;
    return { ...summary(samples), series };
  };
}
