// Sends HTTP requests as fast as a fixed number of keep-alive connections
// allow, for a fixed time: requests per second and the statuses answered.
// autocannon drives the connections (its client costs about half what
// node:http's does per request: the load generator shares the machine's
// cores with Vigil and its database).
import autocannon from "autocannon";

export type HammerRequest = { path: string; headers?: Record<string, string>; body?: string };

export async function hammer(
  origin: string,
  method: "GET" | "POST",
  next: () => HammerRequest,
  {
    concurrency = 32,
    seconds = 10,
    rate,
  }: {
    concurrency?: number;
    seconds?: number;
    /** Requests offered per second over all connections (else each connection sends as soon as answered). */
    rate?: number;
  } = {},
): Promise<{ perSecond: number; statuses: Record<number, number>; latencyMs: { p50: number; p99: number } }> {
  const result = await autocannon({
    url: origin,
    method,
    connections: concurrency,
    duration: seconds,
    ...(rate === undefined ? {} : { overallRate: rate }),
    requests: [{ setupRequest: (request) => ({ ...request, ...next(), method }) }],
  });
  if (result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  }
  const statuses: Record<number, number> = {};
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) statuses[Number(status)] = count;
  return {
    perSecond: Math.round(result.requests.total / seconds),
    statuses,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
  };
}
