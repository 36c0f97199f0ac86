// Throughput of the HTTP ingest adapters over keep-alive connections: OwnTracks's
// HTTP mode (answered before Next.js), next to the cheapest answer Next.js
// gives (an API route refusing a request without a session), which is what a
// route handler would cost before doing any work. Run: tsx scripts/bench/http-ingest-bench.ts
import os from "node:os";
import { hammer } from "./http-hammer";
import { login, startVigilProcess } from "./vigil-process";

const CONCURRENCY = 32;

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
    const ownTracks = await hammer(vigil.url, "POST", () => ({
      path: "/api/v1/ingest/owntracks",
      headers: { authorization: auth, "content-type": "application/json", "x-limit-d": "bench" },
      body: JSON.stringify({ _type: "location", lat: 48.85833, lon: 2.29513, acc: 10, tst: (tst += 0.001) }),
    }));
    const next = await hammer(vigil.url, "GET", () => ({ path: "/api/v1/alerts" }));
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
