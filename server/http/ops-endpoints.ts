// /healthz (the process answers), /readyz (each dependency checked; 503 names
// the failing one; some checks add a `detail` with figures for `npm run health`) and /metrics (Prometheus), served before Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "../observability/metrics";
import type { ReadinessCheck } from "../runtime";

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

async function readiness(checks: Record<string, ReadinessCheck>) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const outcome = await Promise.race([
        check().catch((error: unknown) => String((error as Error).message ?? error)),
        new Promise<string>((resolve) => setTimeout(() => resolve("timed out after 2 s"), 2000).unref()),
      ]);
      const { problem, detail } =
        outcome !== null && typeof outcome === "object" ? outcome : { problem: outcome, detail: undefined };
      return [name, { ...(problem ? { ok: false, problem } : { ok: true }), ...(detail ? { detail } : {}) }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export function createOpsHandler(getChecks: () => Record<string, ReadinessCheck>) {
  return async function handleOps(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = req.url?.split("?")[0];
    if (path === "/healthz") {
      send(res, 200, "application/json", JSON.stringify({ status: "ok" }));
      return true;
    }
    if (path === "/readyz") {
      const checks = await readiness(getChecks());
      const failing = Object.entries(checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => name);
      const status = failing.length === 0 ? "ready" : `not ready: ${failing.join(", ")}`;
      send(res, failing.length === 0 ? 200 : 503, "application/json", JSON.stringify({ status, checks }));
      return true;
    }
    if (path === "/metrics") {
      send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
      return true;
    }
    return false;
  };
}
