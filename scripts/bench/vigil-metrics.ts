// Reads Vigil's own ingest latency histogram (arrival at the ingestor to
// commit) between two scrapes, to separate Vigil's time from the broker's
// and the load generator's; and times /metrics itself, as Prometheus sees it.
import { spawn } from "node:child_process";
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
 * The scraper, in a process of its own as Prometheus is: the load generator's
 * event loop must not delay it. node:http on one kept-alive connection, as
 * Prometheus scrapes: fetch (undici) alone took p50 2.5 / p99 12-52 ms
 * against a server returning a constant string, node:http 1.5 / 5-6 ms.
 */
const SCRAPER = `
const { Agent, get } = await import("node:http");
const [url, everyMs] = process.argv.slice(1);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const samples = [];
let series = 0;
let running = true;
process.stdin.on("data", () => (running = false));
while (running) {
  const started = performance.now();
  const text = await new Promise((resolve, reject) =>
    get(url + "/metrics", { agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    }).on("error", reject),
  );
  samples.push(performance.now() - started);
  series = text.split("\\n").filter((line) => line !== "" && !line.startsWith("#")).length;
  await new Promise((resolve) => setTimeout(resolve, Number(everyMs)));
}
process.stdout.write(JSON.stringify({ samples, series }));
process.exit(0);
`;

/** A process answering every request with a constant body of `bytes`: the floor a scrape cannot beat on this machine. */
export function startConstantServer(bytes: number): Promise<{ url: string; stop: () => void }> {
  const code = `
const { createServer } = await import("node:http");
const body = "x".repeat(${bytes});
const server = createServer((req, res) => { res.writeHead(200, { "content-type": "text/plain" }); res.end(body); });
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) =>
    child.stdout.once("data", (chunk: Buffer) =>
      resolve({ url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() }),
    ),
  );
}

/**
 * Scrapes /metrics from a child process, one request at a time, every
 * `everyMs`, until the returned function is called: the scrape's latency
 * p50 / p99 in ms (request sent to body read) and the number of series in
 * the last answer.
 */
export function metricsScrapeLatency(url: string, everyMs = 100) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", SCRAPER, url, String(everyMs)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return async (): Promise<{ n: number; p50: number; p99: number; series: number }> => {
    child.stdin.write("stop\n");
    await exited;
    const { samples, series } = JSON.parse(output) as { samples: number[]; series: number };
    return { ...summary(samples), series };
  };
}
