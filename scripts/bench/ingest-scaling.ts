// Ingest throughput with one and with two ingest-only processes sharing one
// MQTT v5 subscription ($share/bench/...), measured side by side on the same
// Mosquitto and PostgreSQL: a web+worker Vigil hosts the embedded database,
// the ingest processes are `VIGIL_ROLES=ingest` children. Besides messages a
// second, it reads the CPU seconds the ingest processes and PostgreSQL spent,
// so the sizing table (docs/scaling.md) can say messages per core.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { waitFor } from "../../test/harness/wait-for";
import { registerGuards, sustainedThroughput } from "./ingest-load";
import { startVigilProcess } from "./vigil-process";

type IngestProcess = { pid: number; stop: () => Promise<void> };

export type ScalingResult = {
  processes: number;
  perSecond: number;
  /** Messages committed per CPU second of the ingest processes. */
  perIngestCpuSecond: number;
  /** Messages committed per CPU second of PostgreSQL (all its processes). */
  perPostgresCpuSecond: number;
};

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of one process, in seconds (0 when it is gone). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (backends, walwriter, ...). */
function postgresPids(postmasterPid: number): number[] {
  const pids = [postmasterPid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (ppid === postmasterPid) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

async function startIngestProcess(env: Record<string, string>, instanceId: string): Promise<IngestProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, VIGIL_ROLES: "ingest", VIGIL_INSTANCE_ID: instanceId, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => output.includes("Vigil NOC:"), { timeoutMs: 60_000, what: `${instanceId} ready` });
  return {
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export async function ingestScaling({ mqttUrl, count }: { mqttUrl: string; count: number }): Promise<ScalingResult[]> {
  const host = await startVigilProcess({ mqttUrl, env: { VIGIL_ROLES: "web,worker" } });
  const ingestors: IngestProcess[] = [];
  try {
    const postmasterPid = Number(
      readFileSync(path.join(host.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );
    const guards = await registerGuards(host.databaseUrl, 10_000);
    const env = { DATABASE_URL: host.databaseUrl, MQTT_URL: mqttUrl, MQTT_SHARED_SUBSCRIPTION: "bench" };
    const results: ScalingResult[] = [];
    for (const processes of [1, 2]) {
      while (ingestors.length < processes) {
        ingestors.push(await startIngestProcess(env, `bench-ingest-${ingestors.length + 1}`));
      }
      // Warm each process's source cache and JIT, and let both subscriptions join the group.
      await sustainedThroughput({ mqttUrl, databaseUrl: host.databaseUrl, guards, count: 20_000, qos: 0 });
      const cpu = () => ({
        ingest: ingestors.reduce((sum, p) => sum + cpuSeconds(p.pid), 0),
        postgres: postgresPids(postmasterPid).reduce((sum, pid) => sum + cpuSeconds(pid), 0),
      });
      const before = cpu();
      const run = await sustainedThroughput({ mqttUrl, databaseUrl: host.databaseUrl, guards, count, qos: 1 });
      const after = cpu();
      results.push({
        processes,
        perSecond: run.perSecond,
        perIngestCpuSecond: run.stored / (after.ingest - before.ingest),
        perPostgresCpuSecond: run.stored / (after.postgres - before.postgres),
      });
    }
    return results;
  } finally {
    for (const ingestor of ingestors) await ingestor.stop();
    await host.stop();
  }
}
