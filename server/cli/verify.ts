// npm run verify -- [--url http://localhost:3000] [--mqtt-url mqtt://localhost:1883] [--ops-url URL] [--token T]
// Checks the pipeline end to end against a running Vigil: a device's GPS fix, a geofence violation,
// telemetry, an invalid payload, a panic and its receipt, the live Socket.IO
// feed, /metrics, a tour run walked end to end (verify-tour.ts) and, when an
// escalation policy exists, notifications; then each protocol adapter (OwnTracks over MQTT and HTTP, Traccar Client's
// OsmAnd, Zigbee2MQTT behind a gateway). Uses its own guard verify-g, phone
// verify-phone and gateway verify-gw (registered or re-keyed). The checks
// live in verify/. Prints PASS/FAIL per check; exits 0 when all pass, else
// the failed count.
import { parseArgs } from "node:util";
import { resolveTarget, targetOptions } from "./lib/vigil-api";
import { adapterChecks } from "./verify/adapter-checks";
import { alarmChecks } from "./verify/alarm-checks";
import { newContext } from "./verify/context";
import { pipelineChecks } from "./verify/pipeline-checks";
import { tourCheck } from "./verify-tour";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { ...targetOptions, "timeout-s": { type: "string", default: "10" } } });
  const ctx = newContext(resolveTarget(values), values.token, Number(values["timeout-s"]) * 1000);
  const checks = [...pipelineChecks, tourCheck, ...alarmChecks, ...adapterChecks];

  let failed = 0;
  for (const check of checks) {
    try {
      const reason = await check.run(ctx);
      console.log(`PASS  ${check.name}: ${reason}`);
    } catch (error) {
      failed++;
      console.log(`FAIL  ${check.name}: ${(error as Error).message}`);
      if (check.name === "login") {
        failed += checks.length - 1;
        console.log(`      the other ${checks.length - 1} checks need a login and a connection: not run`);
        break;
      }
    }
  }
  ctx.socket?.disconnect();
  await ctx.client?.endAsync().catch(() => {});
  console.log(failed === 0 ? "ALL CHECKS PASSED" : `${failed} of ${checks.length} checks FAILED`);
  return failed;
}

main().then(
  (failed) => process.exit(Math.min(failed, 125)),
  (error: unknown) => {
    console.error(`verify failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
