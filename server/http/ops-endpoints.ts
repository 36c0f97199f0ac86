// /healthz (the process answers), /readyz (each dependency checked; 503 names
// the failing one; some checks add a `detail` with figures for `npm run health`) and /metrics (Prometheus), served before Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "../observability/metrics";
import type { ReadinessCheck } from "../observability/readiness-check";

export type OpsAnswer = { status: number; contentType: string; body: string };

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

/** The answer to an ops path, or null when the path is not one. */
export async function answerOps(
  path: string | undefined,
  getChecks: () => Record<string, ReadinessCheck>,
): Promise<OpsAnswer | null> {
  if (path === "/healthz") {
    return { status: 200, contentType: "application/json", body: JSON.stringify({ status: "ok" }) };
  }
  if (path === "/readyz") {
    const checks = await readiness(getChecks());
    const failing = Object.entries(checks)
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    const status = failing.length === 0 ? "ready" : `not ready: ${failing.join(", ")}`;
    return {
      status: failing.length === 0 ? 200 : 503,
      contentType: "application/json",
      body: JSON.stringify({ status, checks }),
    };
  }
  if (path === "/metrics") {
    return { status: 200, contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
  }
  return null;
}

/** With `healthOnly` (the public web port unless OPS_ON_WEB_PORT) only /healthz: /readyz and /metrics go to Next (404). */
export function createOpsHandler(
  getChecks: () => Record<string, ReadinessCheck>,
  { healthOnly }: { healthOnly: boolean },
) {
  return async function handleOps(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = req.url?.split("?")[0];
    if (healthOnly && path !== "/healthz") return false;
    const answer = await answerOps(path, getChecks);
    if (!answer) return false;
    res.writeHead(answer.status, { "content-type": answer.contentType, "cache-control": "no-store" });
    res.end(answer.body);
    return true;
  };
}
