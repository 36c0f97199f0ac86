// `tsx scripts/bench/metrics-scrape-bench.ts [seconds]`: the /metrics row of
// `npm run bench` on its own, for a quick check after adding metrics: Vigil
// as a child process against Mosquitto, 1,000 guards at 333 msg/s, GET
// /metrics every 100 ms meanwhile on METRICS_PORT (its own thread) and on the
// web port (the main thread), side by side. Prints p50 / p99 and the series count.
import { startMosquitto } from "../../test/harness/mosquitto";
import { latencyAtRate, registerGuards } from "./ingest-load";
import { round } from "./stats";
import { metricsScrapeLatency, startConstantServer } from "./vigil-metrics";
import { login, startVigilProcess } from "./vigil-process";

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 20);
  const mosquitto = await startMosquitto({ extraConfig: ["max_inflight_messages 1000"] });
  const vigil = await startVigilProcess({ mqttUrl: mosquitto.url });
  try {
    const guards = await registerGuards(vigil.databaseUrl, 1000);
    const token = await login(vigil.url);
    // Warm up: the source cache, the JIT, and every histogram's first series.
    await latencyAtRate({ mqttUrl: mosquitto.url, vigilUrl: vigil.url, token, guards, rate: 333, seconds: 3 });
    const bytes = (await (await fetch(`${vigil.metricsUrl}/metrics`)).text()).length;
    const floor = await startConstantServer(bytes);
    const scrapes = {
      [`a constant ${bytes}-byte answer (the floor)`]: metricsScrapeLatency(floor.url, { seconds, startAfterMs: 66 }),
      METRICS_PORT: metricsScrapeLatency(vigil.metricsUrl, { seconds }),
      "web port": metricsScrapeLatency(vigil.url, { seconds, startAfterMs: 33 }),
    };
    const client = await latencyAtRate({
      mqttUrl: mosquitto.url,
      vigilUrl: vigil.url,
      token,
      guards,
      rate: 333,
      seconds,
    });
    for (const [where, scraped] of Object.entries(scrapes)) {
      const loaded = await scraped;
      console.log(
        `333 msg/s, ${where}: /metrics p50 ${round(loaded.p50, 2)} ms, p99 ${round(loaded.p99, 2)} ms, ` +
          `${loaded.n} scrapes, ${loaded.series} series`,
      );
    }
    floor.stop();
    console.log(`publish -> Socket.IO p50 ${client.p50} ms, p99 ${client.p99} ms`);
  } finally {
    await vigil.stop();
    await mosquitto.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
