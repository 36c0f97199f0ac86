// Throughput of the HTTP ingest adapters over keep-alive connections: OwnTracks's
// HTTP mode (answered before Next.js), next to the cheapest answer Next.js
// gives (an API route refusing a request without a session), which is what a
// route handler would cost before doing any work. Run: tsx scripts/bench/http-ingest-bench.ts
import os from "node:os";
import http from "node:http";
import { login, startVigilProcess } from "./vigil-process";

const CONCURRENCY = 32;
const SECONDS = 10;

async function hammer(url: string, init: { method: string; headers: Record<string, string>; body?: () => string }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (body: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const statuses = new Map<number, number>();
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const status = await send(init.body?.());
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        done += 1;
      }
    }),
  );
  agent.destroy();
  return { perSecond: Math.round(done / SECONDS), statuses: Object.fromEntries(statuses) };
}

async function main() {
  const vigil = await startVigilProcess({});
  try {
    const token = await login(vigil.url);
    const api = async (path: string, body: unknown) =>
      (await (
        await fetch(`${vigil.url}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json()) as Record<string, unknown>;
    await api("/api/v1/guards", { externalId: "bench-guard", name: "Bench Guard" });
    const device = (await api("/api/v1/devices", {
      externalId: "bench-phone",
      kind: "guard-phone",
      guardExternalId: "bench-guard",
    })) as {
      mqtt: { username: string; password: string };
    };
    if (!device.mqtt) throw new Error(`device registration: ${JSON.stringify(device)}`);
    const auth = `Basic ${Buffer.from(`${device.mqtt.username}:${device.mqtt.password}`).toString("base64")}`;
    let tst = Math.floor(Date.now() / 1000) - 3600;
    const ownTracks = await hammer(`${vigil.url}/api/v1/ingest/owntracks`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json", "x-limit-d": "bench" },
      body: () => JSON.stringify({ _type: "location", lat: 48.85833, lon: 2.29513, acc: 10, tst: (tst += 0.001) }),
    });
    const next = await hammer(`${vigil.url}/api/v1/alerts`, { method: "GET", headers: {} });
    console.log(
      `| OwnTracks HTTP, ${CONCURRENCY} keep-alive connections | ${ownTracks.perSecond}/s | ${JSON.stringify(ownTracks.statuses)} |`,
    );
    console.log(
      `| Next.js API route, 401 without a session | ${next.perSecond}/s | ${JSON.stringify(next.statuses)} |`,
    );
    console.log(
      `load average: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(", ")}`,
    );
  } finally {
    await vigil.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
