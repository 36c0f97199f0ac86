// METRICS_PORT's server runs on its own thread: Prometheus gets /metrics while
// the main event loop is busy, and /readyz still reports the main thread's checks.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import getPort from "get-port";
import { afterAll, beforeAll, expect, test } from "vitest";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { startOpsServer } from "./start-ops-server";

const logger = componentLogger("ops-test");
let url: string;
let ops: { stop: () => Promise<void> } | undefined;
let databaseProblem: string | null = null;

beforeAll(async () => {
  const port = await getPort({ host: "127.0.0.1" });
  url = `http://127.0.0.1:${port}`;
  ops = await startOpsServer({
    host: "127.0.0.1",
    port,
    logger,
    readiness: () => ({ database: async () => databaseProblem }),
    snapshotEveryMs: 50,
  });
});

afterAll(async () => {
  await ops?.stop();
});

/** Runs curl in a shell that prints the wall-clock time (ms) when curl finished. */
function curlFinishedAt(path: string): Promise<{ body: string; finishedAt: number }> {
  const child = spawn("sh", ["-c", `curl -s --max-time 5 '${url}${path}'; echo; date +%s%3N`]);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once("exit", () => {
      const lines = output.trimEnd().split("\n");
      resolve({ body: lines.slice(0, -1).join("\n"), finishedAt: Number(lines.at(-1)) });
    }),
  );
}

function keepMainThreadBusy(ms: number): void {
  const until = performance.now() + ms;
  let spins = 0;
  while (performance.now() < until) spins++;
  expect(spins).toBeGreaterThan(0);
}

test("a scrape is answered while the main event loop is busy for a second", async () => {
  const scrape = curlFinishedAt("/metrics");
  const busyUntil = Date.now() + 1000;
  keepMainThreadBusy(1000);
  const { body, finishedAt } = await scrape;
  expect(body).toMatch(/^# TYPE vigil_ingest_shed_total counter$/m);
  expect(finishedAt).toBeLessThan(busyUntil);
});

test("the snapshot follows the counters within its interval", async () => {
  const read = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(/^vigil_ingest_shed_total\{family="telemetry"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  };
  const before = await read();
  metrics.shed.inc({ family: "telemetry" }, 3);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await read()).toBe(before + 3);
  const response = await fetch(`${url}/metrics`);
  expect(Number(response.headers.get("x-vigil-metrics-age-ms"))).toBeLessThan(1000);
});

test("/readyz and /healthz are answered by the main thread's checks; other paths are 404", async () => {
  databaseProblem = "connection refused";
  const failing = await fetch(`${url}/readyz`);
  expect(failing.status).toBe(503);
  expect(await failing.json()).toMatchObject({
    status: "not ready: database",
    checks: { database: { ok: false, problem: "connection refused" } },
  });
  databaseProblem = null;
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
  expect((await fetch(`${url}/api/v1/guards`)).status).toBe(404);
});

test("a port in use is refused with its name", async () => {
  const taken = createServer();
  const port = await getPort({ host: "127.0.0.1" });
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", () => resolve()));
  try {
    await expect(startOpsServer({ host: "127.0.0.1", port, logger, readiness: () => ({}) })).rejects.toThrow(
      `METRICS_PORT ${port}: listen EADDRINUSE`,
    );
  } finally {
    taken.close();
  }
});
