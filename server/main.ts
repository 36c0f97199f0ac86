// Process entry: config, start, and one clean shutdown on SIGINT/SIGTERM
// (the batch in flight is committed, the worker stops, embedded servers stop),
// or after an uncaught exception or unhandled rejection, then exit 1
// (stop-on-fatal-error.ts).
import { getEnv } from "./env";
import { rootLogger } from "./observability/logger";
import { productionProblems } from "./production-checks";
import { startVigil } from "./start-vigil";
import { stopOnFatalError } from "./stop-on-fatal-error";

async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = getEnv();
  rootLogger.level = env.LOG_LEVEL;
  const problems = productionProblems(env);
  if (problems.length > 0) throw new Error(`refusing to start in production:\n  - ${problems.join("\n  - ")}`);
  const starting = startVigil(env);
  stopOnFatalError({ stop: () => starting.then((vigil) => vigil.stop()), logger: rootLogger });

  // Listening from the start: a signal during start-up stops Vigil (in order,
  // database last) as soon as what is starting is up.
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      rootLogger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    rootLogger.info({ signal }, "signal received");
    starting
      .then((vigil) => vigil.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  const vigil = await starting;
  rootLogger.info({ url: vigil.url, seconds: Math.round((performance.now() - startedAt) / 100) / 10 }, "started");
  console.log(`\n  Vigil NOC: ${vigil.url}   MQTT: ${vigil.mqttUrl.replace(/\/\/[^@/]*@/, "//***@")}\n`);
}

main().catch((error: unknown) => {
  console.error(`\n  Vigil could not start: ${(error as Error).message}\n`);
  rootLogger.debug({ err: error }, "start failed");
  process.exit(1);
});
