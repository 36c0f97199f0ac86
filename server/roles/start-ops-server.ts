// With METRICS_PORT set, a process answers /metrics, /readyz and /healthz
// there (and nothing else): the only way to scrape a process without the web
// role, and the port Prometheus should scrape on every process. The server
// runs on a thread of its own (ops-server-thread.mjs) and answers /metrics from
// a snapshot this thread renders every `snapshotEveryMs`: a scrape takes
// about a millisecond however busy ingest keeps the main event loop.
import { Worker } from "node:worker_threads";
import { answerOps } from "../http/ops-endpoints";
import { findProjectFile } from "../lib/find-project-file";
import type { Logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { ReadinessCheck } from "../observability/readiness-check";

type FromThread =
  { type: "listening" } | { type: "failed"; message: string } | { type: "ask"; id: number; path: string };

export async function startOpsServer({
  host,
  port,
  logger,
  readiness,
  snapshotEveryMs = 1000,
}: {
  host: string;
  port: number;
  logger: Logger;
  readiness: () => Record<string, ReadinessCheck>;
  snapshotEveryMs?: number;
}): Promise<{ stop: () => Promise<void> }> {
  const thread = new Worker(findProjectFile("server/roles/ops-server-thread.mjs"), { workerData: { host, port } });
  let rendering = false;
  async function sendSnapshot(): Promise<void> {
    if (rendering) return;
    rendering = true;
    try {
      const body = await metrics.registry.metrics();
      thread.postMessage({ type: "snapshot", contentType: metrics.registry.contentType, body, renderedAt: Date.now() });
    } catch (error) {
      logger.error({ err: error }, "metrics snapshot failed");
    } finally {
      rendering = false;
    }
  }
  async function answer(id: number, path: string): Promise<void> {
    const reply = await answerOps(path, readiness).catch((error: unknown) => {
      logger.error({ err: error, path }, "ops request failed");
      return { status: 500, contentType: "text/plain", body: "internal error\n" };
    });
    thread.postMessage({ type: "answer", id, ...(reply ?? { status: 404, contentType: "text/plain", body: "" }) });
  }

  await sendSnapshot();
  await new Promise<void>((resolve, reject) => {
    thread.once("error", reject);
    thread.on("message", (message: FromThread) => {
      if (message.type === "listening") resolve();
      if (message.type === "failed") reject(new Error(`METRICS_PORT ${port}: ${message.message}`));
      if (message.type === "ask") void answer(message.id, message.path);
    });
  }).catch(async (error: unknown) => {
    await thread.terminate();
    throw error;
  });
  thread.on("error", (error) => logger.error({ err: error }, "ops server thread failed"));
  const timer = setInterval(() => void sendSnapshot(), snapshotEveryMs).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await thread.terminate();
    },
  };
}
