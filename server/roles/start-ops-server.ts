// A process without the web role (ingest or worker only) has no HTTP server,
// so Prometheus could not scrape its ingest, job and notification metrics.
// With METRICS_PORT set it answers /healthz, /readyz and /metrics there, and
// nothing else.
import { createServer } from "node:http";
import { createOpsHandler } from "../http/ops-endpoints";
import type { Logger } from "../observability/logger";
import type { ReadinessCheck } from "../runtime";

export async function startOpsServer({
  host,
  port,
  logger,
  readiness,
}: {
  host: string;
  port: number;
  logger: Logger;
  readiness: () => Record<string, ReadinessCheck>;
}): Promise<{ stop: () => Promise<void> }> {
  const handleOps = createOpsHandler(readiness);
  const server = createServer((req, res) => {
    handleOps(req, res)
      .then((handled) => {
        if (!handled) res.writeHead(404).end();
      })
      .catch((error: unknown) => {
        logger.error({ err: error, url: req.url }, "ops request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
