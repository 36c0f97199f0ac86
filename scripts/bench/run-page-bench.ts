// npm run bench:pages: page load times after a build, in a Vigil of its own
// whose tenant has 5,000 guards with a position (the NOC console loads them
// all). Prints rows in BENCHMARKS.md's shape and writes nothing.
import os from "node:os";
import { startMosquitto } from "../../test/harness/mosquitto";
import { registerGuards, sustainedThroughput } from "./ingest-load";
import { measurePageLoads } from "./page-loads";
import { startVigilProcess } from "./vigil-process";

export async function measurePages(guardCount = 5000): Promise<[string, string, string][]> {
  const mosquitto = await startMosquitto();
  const vigil = await startVigilProcess({ mqttUrl: mosquitto.url });
  try {
    const guards = await registerGuards(vigil.databaseUrl, guardCount);
    await sustainedThroughput({
      mqttUrl: mosquitto.url,
      databaseUrl: vigil.databaseUrl,
      guards,
      count: guards.length,
      qos: 1,
    });
    return await measurePageLoads({
      vigilUrl: vigil.url,
      account: { email: "bench@vigil.local", password: "bench-password-1" },
      guards: guards.length,
    });
  } finally {
    await vigil.stop();
    await mosquitto.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measurePages().then(
    (rows) => {
      for (const row of rows) console.log(`| ${row.join(" | ")} |`);
      // The machine is shared: say how busy it was.
      console.log(
        `load average: ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(", ")}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
