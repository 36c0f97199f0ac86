// `tsx scripts/bench/metrics-scrape-bench.ts [seconds]`: the /metrics row of
// `npm run bench` on its own, for a quick check after adding metrics: Vigil
// as a child process against Mosquitto, 1,000 guards at 333 msg/s, GET
// /metrics every 100 ms meanwhile. Prints p50 / p99 and the series count.
import { startMosquitto } from "../../test/harness/mosquitto";
import { latencyAtRate, registerGuards } from "./ingest-load";
import { round } from "./stats";
import { metricsScrapeLatency } from "./vigil-metrics";
import { startVigilProcess } from "./vigil-process";

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 20);
  const mosquitto = await startMosquitto({ extraConfig: ["max_inflight_messages 1000"] });
  const vigil = await startVigilProcess({ mqttUrl: mosquitto.url });
  try {
    const guards = await registerGuards(vigil.databaseUrl, 1000);
    const session = await fetch(`${vigil.url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@vigil.local", password: "bench-password-1" }),
    });
    const { token } = (await session.json()) as { token: string };
    // Warm up: the source cache, the JIT, and every histogram's first series.
    await latencyAtRate({ mqttUrl: mosquitto.url, vigilUrl: vigil.url, token, guards, rate: 333, seconds: 3 });
    const idle = metricsScrapeLatency(vigil.url);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const atRest = await idle();
    const scrapes = metricsScrapeLatency(vigil.url);
    const client = await latencyAtRate({
      mqttUrl: mosquitto.url,
      vigilUrl: vigil.url,
      token,
      guards,
      rate: 333,
      seconds,
    });
    const loaded = await scrapes();
    console.log(`idle: /metrics p50 ${round(atRest.p50, 2)} ms, p99 ${round(atRest.p99, 2)} ms, ${atRest.n} scrapes`);
    console.log(
      `333 msg/s: /metrics p50 ${round(loaded.p50, 2)} ms, p99 ${round(loaded.p99, 2)} ms, ${loaded.n} scrapes, ` +
        `${loaded.series} series; publish -> Socket.IO p50 ${client.p50} ms, p99 ${client.p99} ms`,
    );
  } finally {
    await vigil.stop();
    await mosquitto.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
