// npm run simulate -- --scenario <gps|geofence|telemetry|sensors|panic|commands|offline|zigbee2mqtt|patrol|lone-worker|all>
//   --count N [--protocol native|owntracks|osmand|zigbee2mqtt] [--url http://localhost:3000]
//   [--mqtt-url mqtt://localhost:1883] [--token T] [--duration-s S] [--interval-s 3]
// Registers a demo set (guards sim-g-1..N with phones sim-phone-1..N, sensors
// sim-sensor-1..N, gateway sim-gw-1 (running Zigbee2MQTT: its sensors appear
// as sim-gw-1::sim_hall_smoke-…), site "Sim HQ" with a 450 m fence that
// every guard is assigned to, for `patrol` its checkpoints and tour, and for
// `lone-worker` the second guard's check-ins every 2 minutes; a
// re-run rotates their credentials) and publishes realistic traffic with each
// device's own credentials. `--protocol` says how: the guards' fixes as
// OwnTracks over MQTT or Traccar Client's OsmAnd over HTTP instead of Vigil's
// own topic, or the sensors behind the Zigbee2MQTT gateway instead of their
// own topics (the zigbee2mqtt scenario). Logs in with
// ADMIN_EMAIL/ADMIN_PASSWORD unless --token. Ctrl-C or --duration-s stops it.
import { parseArgs } from "node:util";
import {
  api,
  assignGuard,
  ensureDevice,
  ensureGuard,
  ensureSite,
  logIn,
  resolveTarget,
  targetOptions,
  type DeviceKind,
} from "./lib/vigil-api";
import { startLoneWorkerScenario } from "./lib/lone-worker-scenario";
import { startPatrolScenario } from "./lib/patrol-scenario";
import { answerCommands, connect, log, publish, sendPanic, type SimDevice } from "./lib/sim-device";
import { createFixSender, FIX_PROTOCOLS } from "./lib/sim-fixes";
import { publishZigbee2MqttRound } from "./lib/zigbee2mqtt-sim";

const SCENARIOS = [
  "gps",
  "geofence",
  "telemetry",
  "sensors",
  "panic",
  "commands",
  "offline",
  "zigbee2mqtt",
  "patrol",
  "lone-worker",
] as const;
type Scenario = (typeof SCENARIOS)[number];
const CENTER = { lat: 12.9716, lon: 77.5946 };

const PROTOCOLS = [...FIX_PROTOCOLS, "zigbee2mqtt"] as const;
type Protocol = (typeof PROTOCOLS)[number];

function parse() {
  const { values } = parseArgs({
    options: {
      ...targetOptions,
      scenario: { type: "string", default: "all" },
      count: { type: "string", default: "3" },
      protocol: { type: "string", default: "native" },
      "duration-s": { type: "string" },
      "interval-s": { type: "string", default: "3" },
    },
  });
  const scenarios: Scenario[] =
    values.scenario === "all" ? [...SCENARIOS] : (values.scenario!.split(",") as Scenario[]);
  const unknown = scenarios.filter((s) => !SCENARIOS.includes(s));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}: use ${SCENARIOS.join("|")}|all`);
  const protocol = values.protocol as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new Error(`unknown protocol ${protocol}: use ${PROTOCOLS.join("|")}`);
  if (protocol === "zigbee2mqtt") scenarios.push("zigbee2mqtt");
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error("--count must be 1..1000");
  const durationS = values["duration-s"] === undefined ? undefined : Number(values["duration-s"]);
  const intervalMs = Math.max(200, Number(values["interval-s"]) * 1000);
  const target = resolveTarget(values);
  return { ...target, token: values.token, scenarios: new Set(scenarios), protocol, count, durationS, intervalMs };
}

async function main(): Promise<void> {
  const options = parse();
  const simHq = (token: string) =>
    ensureSite(options.url, token, { name: "Sim HQ", center: [CENTER.lon, CENTER.lat], radiusM: 450 });
  const token = await logIn(options.url, options.token);
  log(`logged in to ${options.url}; registering ${options.count} guards, phones and sensors and a gateway`);
  const devices: SimDevice[] = [];
  const register = async (externalId: string, kind: DeviceKind, guardExternalId?: string) => {
    const credentials = await ensureDevice(options.url, token, { externalId, kind, guardExternalId });
    const device: SimDevice = {
      externalId,
      kind,
      guardExternalId,
      credentials,
      client: await connect(options.mqttUrl, credentials),
      silent: false,
    };
    device.client.on("error", (error) => log(`${externalId}: ${error.message}`));
    devices.push(device);
    return device;
  };
  for (let i = 1; i <= options.count; i++) {
    await ensureGuard(options.url, token, `sim-g-${i}`, `Sim Guard ${i}`);
    await register(`sim-phone-${i}`, "guard-phone", `sim-g-${i}`);
    await register(`sim-sensor-${i}`, "sensor");
  }
  const gateway = await register("sim-gw-1", "gateway");
  const siteId = ["geofence", "patrol", "lone-worker"].some((s) => options.scenarios.has(s as Scenario))
    ? await simHq(token)
    : null;
  if (siteId && options.scenarios.has("geofence")) {
    for (let i = 1; i <= options.count; i++) await assignGuard(options.url, token, `sim-g-${i}`, siteId);
    log(`site Sim HQ: a 450 m fence around the patrol loops; sim-g-1 leaves it for a while on every round`);
  }
  const phones = devices.filter((d) => d.kind === "guard-phone");
  const sensors = devices.filter((d) => d.kind === "sensor");
  const scenarios = [...options.scenarios].join(", ");
  log(`${devices.length} devices connected to ${options.mqttUrl}; scenarios: ${scenarios} (${options.protocol})`);

  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, fn: () => void) => timers.push(setInterval(fn, ms));
  let resolveStop!: () => void;
  const stoppedPromise = new Promise<void>((resolve) => (resolveStop = resolve));
  const stop = (why: string) => {
    if (stopped) return;
    stopped = true;
    log(`stopping (${why})`);
    resolveStop();
  };
  process.once("SIGINT", () => stop("Ctrl-C"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  if (options.durationS !== undefined)
    setTimeout(() => stop(`${options.durationS} s elapsed`), options.durationS * 1000);

  let tick = 0;
  const battery = new Map(devices.map((d) => [d.externalId, 60 + Math.random() * 40]));
  if (options.scenarios.has("gps") || options.scenarios.has("geofence")) {
    const sendFix = createFixSender(options.protocol === "zigbee2mqtt" ? "native" : options.protocol, options.url);
    const walk = () => {
      tick++;
      phones.forEach((phone, i) => {
        // Each guard walks a ~300 m loop of its own around the centre, a full round in 60 steps.
        const angle = ((tick % 60) / 60) * 2 * Math.PI + (i * 2 * Math.PI) / phones.length;
        // With the geofence scenario the first guard strays ~700 m out for a quarter of each round.
        const strays = options.scenarios.has("geofence") && i === 0 && tick % 60 >= 20 && tick % 60 < 35;
        const radius = strays ? 0.0065 : 0.0027 + 0.0005 * (i % 3);
        const lat = CENTER.lat + radius * Math.sin(angle);
        const lon = CENTER.lon + radius * Math.cos(angle);
        const fix = { lat: +lat.toFixed(6), lon: +lon.toFixed(6), accuracy: 5 + Math.round(Math.random() * 10) };
        sendFix(phone, {
          ...fix,
          speedMps: 1.2,
          heading: Math.round(((angle * 180) / Math.PI + 90) % 360),
          battery: Math.round(battery.get(phone.externalId)!),
        });
        if (!phone.silent) log(`${phone.guardExternalId} at ${fix.lat}, ${fix.lon}`);
      });
    };
    walk();
    every(options.intervalMs, walk);
  }
  if (options.scenarios.has("telemetry")) {
    const report = () => {
      for (const device of [...phones, gateway]) {
        const level = Math.max(0, battery.get(device.externalId)! - 0.05 - Math.random() * 0.1);
        battery.set(device.externalId, level);
        publish(device, `device/${device.externalId}/telemetry`, {
          battery: Math.round(level),
          signal: -60 - Math.round(Math.random() * 30),
          temperature: +(28 + Math.random() * 6).toFixed(1),
        });
      }
      publish(gateway, `system/${gateway.externalId}/uplink`, { status: "ok", value: Math.round(process.uptime()) });
      log(`telemetry from ${phones.length + 1} devices`);
    };
    report();
    every(options.intervalMs * 2, report);
  }
  // With --protocol zigbee2mqtt the sensors report through the gateway (the zigbee2mqtt scenario) instead.
  if (options.scenarios.has("sensors") && options.protocol !== "zigbee2mqtt") {
    const read = () => {
      for (const sensor of sensors) {
        publish(sensor, `sensor/${sensor.externalId}/temperature`, { value: +(24 + Math.random() * 4).toFixed(1) });
        const roll = Math.random();
        if (roll < 0.15)
          publish(sensor, `sensor/${sensor.externalId}/door`, { state: roll < 0.07 ? "open" : "closed" });
        else if (roll < 0.3) publish(sensor, `sensor/${sensor.externalId}/motion`, { state: "detected", value: true });
        else if (roll < 0.32) {
          publish(sensor, `sensor/${sensor.externalId}/smoke`, { state: "alarm", value: 0.4 });
          log(`${sensor.externalId} smoke!`);
        }
      }
      log(`readings from ${sensors.length} sensors`);
    };
    read();
    every(options.intervalMs, read);
  }
  if (options.scenarios.has("zigbee2mqtt")) {
    let first = true;
    const round = () => {
      const smoke = publishZigbee2MqttRound(gateway.client, gateway.externalId, { first });
      first = false;
      log(
        `Zigbee2MQTT on ${gateway.externalId}: 3 sensors${smoke.length > 0 ? `, smoke at ${smoke.join(", ")}!` : ""}`,
      );
    };
    round();
    every(options.intervalMs * 2, round);
  }
  if (options.scenarios.has("commands")) {
    for (const device of devices) answerCommands(device);
    const target = phones[0]!;
    const sent = await api<{ id: string }>(options.url, `/api/v1/devices/${target.externalId}/commands`, {
      method: "POST",
      token,
      body: { type: "ping", params: { from: "simulator" }, ttlSeconds: 60 },
    });
    log(`sent command ping to ${target.externalId}: HTTP ${sent.status}`);
  }
  if (options.scenarios.has("offline")) {
    const silent = phones[phones.length - 1]!;
    const afterMs = Math.min(10_000, ((options.durationS ?? 20) * 1000) / 2);
    setTimeout(() => {
      silent.silent = true;
      log(`${silent.externalId} (${silent.guardExternalId}) goes silent: no more GPS or telemetry`);
      silent.client.end(true);
    }, afterMs).unref();
  }
  if (siteId && options.scenarios.has("patrol")) {
    const phone = phones[0]!;
    const patrol = await startPatrolScenario({
      ...options,
      token,
      siteId,
      guardExternalId: phone.guardExternalId!,
      client: phone.client,
      log,
    });
    every(options.intervalMs * 5, () => void patrol.step().catch((error: Error) => log(`patrol: ${error.message}`)));
  }
  if (siteId && options.scenarios.has("lone-worker")) {
    // Not the patrol's phone (the first) nor the one that goes offline (the last) when there are three or more.
    const phone = phones[Math.min(1, phones.length - 1)]!;
    const loneWorker = await startLoneWorkerScenario({
      ...options,
      token,
      siteId,
      guardExternalId: phone.guardExternalId!,
      phoneExternalId: phone.externalId,
      client: phone.client,
      log,
    });
    loneWorker.step();
    every(60_000, () => loneWorker.step());
  }
  if (options.scenarios.has("panic")) {
    const at = { lat: CENTER.lat + 0.002, lon: CENTER.lon - 0.002 };
    setTimeout(() => void sendPanic(phones[0]!, at, () => stopped), Math.min(1000, options.intervalMs)).unref();
  }

  await stoppedPromise;
  timers.forEach(clearInterval);
  await Promise.all(devices.map((d) => d.client.endAsync().catch(() => {})));
  log("stopped");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`simulate failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
