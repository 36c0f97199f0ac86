// Sends HTTP requests as fast as a fixed number of keep-alive connections
// allow, for a fixed time: requests per second and the statuses answered.
import http from "node:http";

export async function hammer(
  url: string | (() => string),
  init: { method: string; headers: Record<string, string>; body?: () => string },
  { concurrency = 32, seconds = 10 }: { concurrency?: number; seconds?: number } = {},
): Promise<{ perSecond: number; statuses: Record<number, number> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (target: string, body: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(target, { method: init.method, headers: init.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const statuses = new Map<number, number>();
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const status = await send(typeof url === "string" ? url : url(), init.body?.());
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        done += 1;
      }
    }),
  );
  agent.destroy();
  return { perSecond: Math.round(done / seconds), statuses: Object.fromEntries(statuses) };
}
