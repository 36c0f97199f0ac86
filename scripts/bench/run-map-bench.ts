// npm run bench:map: the NOC map's frame times with 2,000 and 5,000 guards
// moving through the real path, in a Vigil of its own against Mosquitto on
// loopback. Prints rows in BENCHMARKS.md's shape (measure | figure | beside)
// and writes nothing.
import os from "node:os";
import { startMosquitto } from "../../test/harness/mosquitto";
import { registerGuards } from "./ingest-load";
import { mapFrameBench, type FrameFigures } from "./map-frames";
import { startVigilProcess } from "./vigil-process";

export function mapRows(idle: { fpsP50: number; fpsP5: number }, figures: FrameFigures[]): [string, string, string][] {
  return figures.map((f) => [
    `NOC map, ${f.guards.toLocaleString("en")} guards each moving ${f.periodS === 1 ? "once a second" : `every ${f.periodS} s`} ${f.feed === "mqtt" ? "over MQTT (the real path)" : "(fed inside the page)"}, ${f.view} (zoom ${f.zoom}; ${f.drawn.clusters} clusters and ${f.drawn.guards} single guards in view), headless Chromium --disable-gpu at 1400x900, fps p50 / p5`,
    `${f.fpsP50} / ${f.fpsP5} fps (frame ${f.frameP50Ms} / ${f.frameP95Ms} ms p50 / p95)`,
    `budget ${f.guards <= 2000 ? "60" : "30"} fps; the page idle ${idle.fpsP50} / ${idle.fpsP5} fps; load average ${f.load}; ${f.receivedPerSecond.toLocaleString("en")} positions/s reached the page${f.feed === "mqtt" ? ` of ${f.publishedPerSecond.toLocaleString("en")} published` : ""}`,
  ]);
}

/** A broker and a Vigil of its own (the NOC shows every guard of the tenant), the map measured, its rows. */
export async function measureNocMap(counts = [2000, 5000]): Promise<[string, string, string][]> {
  const mosquitto = await startMosquitto({ extraConfig: ["max_inflight_messages 1000"] });
  const vigil = await startVigilProcess({ mqttUrl: mosquitto.url });
  try {
    const guardIds = await registerGuards(vigil.databaseUrl, Math.max(...counts));
    const { idle, figures } = await mapFrameBench({
      vigilUrl: vigil.url,
      mqttUrl: mosquitto.url,
      account: { email: "bench@vigil.local", password: "bench-password-1" },
      guardIds,
      counts,
    });
    return mapRows(idle, figures);
  } finally {
    await vigil.stop();
    await mosquitto.dispose();
  }
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  const counts = (process.argv[2] ?? "2000,5000").split(",").map(Number);
  for (const row of await measureNocMap(counts)) console.log(`| ${row.join(" | ")} |`);
  console.log(
    `(${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
