// A real Mosquitto for integration tests: its own config, port and
// persistence folder under os.tmpdir(); can be stopped and restarted on the
// same port with the same persistent state.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import { waitFor } from "./wait-for";

export type Mosquitto = {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** Starts it again after stop(), same port and persistent state. */
  start: () => Promise<void>;
  restart: () => Promise<void>;
  /** Stops the broker and removes its folder. */
  dispose: () => Promise<void>;
};

const MOSQUITTO = "/usr/sbin/mosquitto";

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startMosquitto({ extraConfig = [] }: { extraConfig?: string[] } = {}): Promise<Mosquitto> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-test-mosquitto-"));
  const port = await getPort({ host: "127.0.0.1" });
  const config = path.join(dir, "mosquitto.conf");
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous true",
      "persistence true",
      `persistence_location ${dir}/`,
      // Keep root (the tmp folder is root's): no switch to the mosquitto user.
      "user root",
      "log_dest stderr",
      "log_type error",
      "log_type warning",
      "max_queued_messages 100000",
      ...extraConfig,
      "",
    ].join("\n"),
  );

  let child: ChildProcess | undefined;
  let output = "";

  async function start(): Promise<void> {
    const proc = spawn(MOSQUITTO, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
    child = proc;
    proc.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const exited = new Promise<never>((_, reject) =>
      proc.once("exit", (code) => reject(new Error(`mosquitto exited with ${code}: ${output}`))),
    );
    exited.catch(() => {});
    await Promise.race([waitFor(() => canConnect(port), { timeoutMs: 10_000, what: "mosquitto to listen" }), exited]);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }

  // Never outlive this process (a crashed test run must not leave a broker behind).
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    async dispose() {
      process.removeListener("exit", killOnExit);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
