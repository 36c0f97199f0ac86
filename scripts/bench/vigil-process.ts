// Runs Vigil as a child process for benchmarks (so its RSS is its own), as
// `npm start` runs it (the bundle, a 256 MB heap), with an embedded PostgreSQL
// in a temporary folder, and an external broker or its embedded one.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import type { TraceReport } from "../../server/observability/ingest-trace-report";
import { waitFor } from "../../test/harness/wait-for";

export type VigilProcess = {
  url: string;
  /** Its METRICS_PORT server (set as the systemd units set it). */
  metricsUrl: string;
  mqttUrl: string;
  databaseUrl: string;
  /** Its VIGIL_DATA_DIR (the embedded PostgreSQL is in postgres/). */
  dataDir: string;
  pid: number;
  rssMb: () => number;
  /** CPU seconds the Vigil process has used (user + system), not its PostgreSQL's. */
  cpuSeconds: () => number;
  /** Opens an ingest trace window, or closes the open one and returns what it saw (INGEST_TRACE_FILE). */
  trace: () => Promise<TraceReport>;
  stop: () => Promise<void>;
};

/** With no mqttUrl, Vigil runs its embedded broker, on a free port given as `mqttUrl` in the result. */
export async function startVigilProcess({ mqttUrl, env = {} }: { mqttUrl?: string; env?: Record<string, string> }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL's user must be able to enter it
  const port = await getPort();
  const pgPort = await getPort();
  const mqttPort = await getPort();
  const metricsPort = await getPort();
  const traceFile = path.join(dataDir, "ingest-trace.json");
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/node"), ["dist/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      EMBEDDED_PG_PORT: String(pgPort),
      VIGIL_DATA_DIR: dataDir,
      MQTT_URL: mqttUrl ?? "",
      MQTT_PORT: String(mqttPort),
      METRICS_PORT: String(metricsPort),
      // The bench also times /metrics on the web port (the main thread), and waits on its /readyz.
      OPS_ON_WEB_PORT: "true",
      ADMIN_EMAIL: "bench@vigil.local",
      ADMIN_PASSWORD: "bench-password-1",
      LOG_LEVEL: "warn",
      // As npm start and the systemd units run it.
      NODE_OPTIONS: "--max-old-space-size=256 --max-semi-space-size=16 --enable-source-maps",
      INGEST_TRACE_FILE: traceFile,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let exitCode: number | null = null;
  child.once("exit", (code) => (exitCode = code ?? -1));
  const state = await waitFor(
    async () => (exitCode !== null ? "exited" : (await fetch(`${url}/readyz`)).ok && "ready"),
    { timeoutMs: 90_000, intervalMs: 250, what: "Vigil ready" },
  );
  if (state === "exited") throw new Error(`Vigil exited with ${exitCode}`);
  const { postgresPassword } = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as {
    postgresPassword: string;
  };
  return {
    url,
    metricsUrl: `http://127.0.0.1:${metricsPort}`,
    mqttUrl: mqttUrl ?? `mqtt://127.0.0.1:${mqttPort}`,
    databaseUrl: `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${pgPort}/vigil`,
    dataDir,
    pid: child.pid!,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid!}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    cpuSeconds() {
      // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the command in parentheses.
      const fields = readFileSync(`/proc/${child.pid!}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async trace() {
      const before = existsSync(traceFile) ? statSync(traceFile).mtimeMs : 0;
      child.kill("SIGUSR2");
      await waitFor(() => existsSync(traceFile) && statSync(traceFile).mtimeMs > before, {
        timeoutMs: 10_000,
        intervalMs: 20,
        what: "ingest trace written",
      });
      return JSON.parse(readFileSync(traceFile, "utf8")) as TraceReport;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  } satisfies VigilProcess;
}

/** A bearer token for the admin startVigilProcess creates. */
export async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@vigil.local", password: "bench-password-1" }),
  });
  return ((await response.json()) as { token: string }).token;
}
