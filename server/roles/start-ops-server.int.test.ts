// METRICS_PORT's server runs on its own thread: Prometheus gets /metrics while
// the main event loop is busy, and /readyz still reports the main thread's checks.
// An integration test: it starts a thread, a server and curl processes.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import getPort from "get-port";
import { afterAll, beforeAll, expect, test } from "vitest";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { waitFor } from "../../test/harness/wait-for";
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

/**
 * Blocks the main thread (no event loop turn at all) until curl has written
 * the whole answer to `path` into a file, or 10 s pass: an answer that
 * arrives meanwhile can only have come from the ops server's own thread.
 */
function scrapeWhileMainThreadBlocked(path: string): { body: string; answeredWhileBlocked: boolean } {
  const dir = mkdtempSync(join(tmpdir(), "vigil-ops-"));
  const out = join(dir, "body");
  const done = join(dir, "done");
  spawn("sh", ["-c", `curl -s --max-time 10 -o '${out}' '${url}${path}'; touch '${done}'`], { stdio: "ignore" });
  const deadline = performance.now() + 10_000;
  while (!existsSync(done) && performance.now() < deadline) {
    // busy: this thread answers nothing until curl is done
  }
  const answeredWhileBlocked = existsSync(done);
  const body = existsSync(out) ? readFileSync(out, "utf8") : "";
  rmSync(dir, { recursive: true, force: true });
  return { body, answeredWhileBlocked };
}

test("a scrape is answered while the main event loop is blocked", () => {
  const { body, answeredWhileBlocked } = scrapeWhileMainThreadBlocked("/metrics");
  expect(answeredWhileBlocked).toBe(true);
  expect(body).toMatch(/^# TYPE vigil_ingest_shed_total counter$/m);
});

test("the snapshot follows the counters within its interval", async () => {
  const read = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(/^vigil_ingest_shed_total\{family="telemetry"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  };
  const before = await read();
  metrics.shed.inc({ family: "telemetry" }, 3);
  await waitFor(async () => (await read()) === before + 3, { what: "the next snapshot" });
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
