// Reads Vigil's own ingest latency histogram (arrival at the ingestor to
// commit) between two scrapes, to separate Vigil's time from the broker's
// and the load generator's; and times /metrics itself, as Prometheus sees it.
import { execFile, spawn } from "node:child_process";
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
 * Scrapes /metrics `perSecond` times a second for `seconds` with curl on one
 * kept-alive connection, as Prometheus scrapes (a compiled client in a process
 * of its own: a Node client's own event loop added p50 1-2.5 ms and p99 5-50 ms
 * against a server returning a constant string). Gives the scrape's latency
 * p50 / p99 in ms (curl's time_total) and the number of series in an answer.
 */
export async function metricsScrapeLatency(
  url: string,
  { seconds, perSecond = 10, startAfterMs = 0 }: { seconds: number; perSecond?: number; startAfterMs?: number },
): Promise<{ n: number; p50: number; p99: number; series: number }> {
  // Scrapers of different targets started at once would ask at the same instants and compete for the cores.
  await new Promise((resolve) => setTimeout(resolve, startAfterMs));
  const target = `${url}/metrics`;
  const args = ["-s", "--fail", "--rate", `${perSecond}/s`, "-w", "%{time_total}\\n"];
  for (let i = 0; i < seconds * perSecond; i++) args.push("-o", "/dev/null", target);
  const output = await new Promise<string>((resolve, reject) =>
    execFile("curl", args, { maxBuffer: 1 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const samples = output
    .trim()
    .split("\n")
    .map((line) => Number(line) * 1000);
  const text = await (await fetch(target)).text();
  const series = text.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length;
  return { ...summary(samples), series };
}
