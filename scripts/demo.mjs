// npm run demo: Vigil with the simulator, so a newcomer sees guards moving
// within a minute. A demo data folder (.vigil-demo) with a known admin keeps it
// apart from a real installation; Ctrl-C stops both.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const port = process.env.PORT ?? "3000";
const mqttPort = process.env.MQTT_PORT ?? "1883";
const admin = { email: "demo@vigil.local", password: "demo-password-1" };
const env = {
  ...process.env,
  VIGIL_DATA_DIR: process.env.VIGIL_DATA_DIR ?? ".vigil-demo",
  EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? "54339",
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  PORT: port,
  MQTT_PORT: mqttPort,
  // The demo waits on /readyz at the web port.
  OPS_ON_WEB_PORT: "true",
};

const vigil = spawn("npm", ["start"], { env, stdio: "inherit" });
let simulator;
let stopping = false;

async function ready() {
  for (let i = 0; i < 240; i++) {
    if (stopping) return false;
    try {
      if ((await globalThis.fetch(`http://localhost:${port}/readyz`)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

function stop() {
  if (stopping) return;
  stopping = true;
  simulator?.kill("SIGINT");
  vigil.kill("SIGINT");
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
vigil.on("exit", (code) => {
  stopping = true;
  simulator?.kill("SIGINT");
  process.exitCode = code ?? 0;
});

if (await ready()) {
  console.log(`\nDemo: open http://localhost:${port} and sign in as ${admin.email} / ${admin.password}\n`);
  simulator = spawn("npx", ["tsx", "server/cli/simulate.ts", "--scenario", "all", "--count", "5"], {
    env,
    stdio: "inherit",
  });
} else if (!stopping) {
  console.error("Vigil did not become ready within 2 minutes; see its output above.");
  stop();
}
