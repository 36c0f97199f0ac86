// Vigil as a child process (`node --import tsx server/main.ts`, or with
// `bundle` the way production runs it: `node dist/server.mjs`), for tests
// that need several at once: the runtime and the
// metrics registry are per-process singletons. Each runs in its own process
// group, so a kill reaches everything it started, and none outlives the test
// process.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import getPort from "get-port";
import { api } from "./api-client";
import { ADMIN_EMAIL, ADMIN_PASSWORD, makeDataDir, projectDir } from "./vigil";
import { waitFor } from "./wait-for";

export type VigilProcess = {
  /** Its HTTP address (only answers with the web role). */
  url: string;
  instanceId: string;
  dataDir: string;
  readonly running: boolean;
  /** Its exit code once it has exited (null while running or when a signal ended it). */
  readonly exitCode: number | null;
  /** The last few kB of its stdout and stderr, for failure messages. */
  output: () => string;
  /** Sends a signal to its process group and waits for the exit. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), then removes the data folder unless keepDataDir. */
  dispose: (options?: { keepDataDir?: boolean }) => Promise<void>;
};

export async function spawnVigil({
  instanceId,
  env,
  dataDir = makeDataDir(),
  readyTimeoutMs = 60_000,
  bundle = false,
}: {
  instanceId: string;
  /** DATABASE_URL, MQTT_URL, VIGIL_ROLES, ... */
  env: Record<string, string>;
  /** Reuse the folder of a previous process of the same instance. */
  dataDir?: string;
  readyTimeoutMs?: number;
  /** Run dist/server.mjs (built by scripts/ensure-build.mjs before the integration tests) instead of the sources. */
  bundle?: boolean;
}): Promise<VigilProcess> {
  const port = await getPort({ host: "127.0.0.1" });
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const args = bundle ? ["--enable-source-maps", "dist/server.mjs"] : ["--import", "tsx", "server/main.ts"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...inherited,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      VIGIL_INSTANCE_ID: instanceId,
      VIGIL_DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: "warn",
      // Readiness and metrics are read at the web port.
      OPS_ON_WEB_PORT: "true",
      ...env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup("SIGKILL");
  process.once("exit", killOnExit);

  async function kill(signal: NodeJS.Signals): Promise<void> {
    if (isRunning()) killGroup(signal);
    await exited;
  }

  async function dispose({ keepDataDir = false } = {}): Promise<void> {
    if (isRunning()) {
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup("SIGKILL"); // anything left in its group
    process.removeListener("exit", killOnExit);
    if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const url = `http://127.0.0.1:${port}`;
  // Ready: /readyz answers 200, or without the web role, main.ts has printed its banner.
  const web = (env.VIGIL_ROLES ?? "web").split(",").includes("web");
  try {
    const state = await waitFor(
      async () => {
        if (!isRunning()) return "exited";
        if (!web) return output.includes("Vigil NOC:") && "ready";
        return (await api(url, "/readyz")).status === 200 && "ready";
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 100, what: `Vigil ${instanceId} to be ready` },
    );
    if (state === "exited") throw new Error(`Vigil ${instanceId} exited with ${child.exitCode ?? child.signalCode}`);
  } catch (error) {
    await dispose();
    throw new Error(`${(error as Error).message}\n--- output of ${instanceId} ---\n${output}`, { cause: error });
  }

  return {
    url,
    instanceId,
    dataDir,
    get running() {
      return isRunning();
    },
    get exitCode() {
      return child.exitCode;
    },
    output: () => output,
    kill,
    dispose,
  };
}
