// npm run simulate -- --scenario <gps|geofence|telemetry|sensors|panic|commands|offline|zigbee2mqtt|patrol|lone-worker|all> --count N
//   [--url http://localhost:3000] [--mqtt-url mqtt://localhost:1883] [--token T] [--duration-s S] [--interval-s 3]
// Registers a demo set (guards sim-g-1..N with phones sim-phone-1..N, sensors
// sim-sensor-1..N, gateway sim-gw-1 (running Zigbee2MQTT: its sensors appear
// as sim-gw-1::sim_hall_smoke-…), site "Sim HQ" with a 450 m fence that
// every guard is assigned to, for `patrol` its checkpoints and tour, and for
// `lone-worker` the second guard's check-ins every 2 minutes; a
// re-run rotates their credentials) and publishes realistic traffic with each
// device's own credentials. Logs in with
// ADMIN_EMAIL/ADMIN_PASSWORD unless --token. Ctrl-C or --duration-s stops it.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import mqtt, { type MqttClient } from "mqtt";
import {
  api,
  assignGuard,
  ensureDevice,
  ensureGuard,
  ensureSite,
  logIn,
  msgId,
  resolveTarget,
  sleep,
  targetOptions,
} from "./lib/vigil-api";
import type { Credentials, DeviceKind } from "./lib/vigil-api";
import { startLoneWorkerScenario } from "./lib/lone-worker-scenario";
import { startPatrolScenario } from "./lib/patrol-scenario";
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

type SimDevice = {
  externalId: string;
  kind: DeviceKind;
  guardExternalId?: string;
  client: MqttClient;
  silent: boolean;
};

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

function parse() {
  const { values } = parseArgs({
    options: {
      ...targetOptions,
      scenario: { type: "string", default: "all" },
      count: { type: "string", default: "3" },
      "duration-s": { type: "string" },
      "interval-s": { type: "string", default: "3" },
    },
  });
  const scenarios: Scenario[] =
    values.scenario === "all" ? [...SCENARIOS] : (values.scenario!.split(",") as Scenario[]);
  const unknown = scenarios.filter((s) => !SCENARIOS.includes(s));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}: use ${SCENARIOS.join("|")}|all`);
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error("--count must be 1..1000");
  const durationS = values["duration-s"] === undefined ? undefined : Number(values["duration-s"]);
  const intervalMs = Math.max(200, Number(values["interval-s"]) * 1000);
  return { ...resolveTarget(values), token: values.token, scenarios: new Set(scenarios), count, durationS, intervalMs };
}

async function connect(mqttUrl: string, credentials: Credentials): Promise<MqttClient> {
  return mqtt.connectAsync(mqttUrl, {
    ...credentials,
    clientId: `${credentials.username}@sim-${randomBytes(3).toString("hex")}`,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  });
}

function publish(device: SimDevice, topic: string, payload: Record<string, unknown>, qos: 0 | 1 | 2 = 1) {
  if (device.silent || device.client.disconnecting) return;
  const body = { ...payload, timestamp: new Date().toISOString(), msg_id: msgId() };
  device.client.publish(topic, JSON.stringify(body), { qos }, (error) => {
    if (error) log(`publish ${topic} failed: ${error.message}`);
  });
}

/** Answers commands: "received" at once, "done" half a second later. */
function answerCommands(device: SimDevice): void {
  device.client.on("message", (topic, raw) => {
    if (topic !== `device/${device.externalId}/commands`) return;
    let command: { command_id?: string; type?: string };
    try {
      command = JSON.parse(raw.toString()) as typeof command;
    } catch {
      return;
    }
    if (!command.command_id) return;
    log(`${device.externalId} got command ${command.type} (${command.command_id}): received, then done`);
    const results = `device/${device.externalId}/command-results`;
    publish(device, results, { command_id: command.command_id, status: "received" });
    setTimeout(
      () => publish(device, results, { command_id: command.command_id, status: "done", result: { ok: true } }),
      500,
    ).unref();
  });
  void device.client.subscribeAsync(`device/${device.externalId}/commands`, { qos: 1 });
}

/** A panic with QoS 2, resent every 2 s under the same msg_id until its receipt arrives. */
async function sendPanic(phone: SimDevice, isStopped: () => boolean): Promise<void> {
  const id = msgId();
  const receiptTopics = [`device/${phone.externalId}/receipts`, `guard/${phone.guardExternalId}/receipts`];
  let receipt: string | undefined;
  const onMessage = (topic: string, raw: Buffer) => {
    if (!receiptTopics.includes(topic)) return;
    const body = JSON.parse(raw.toString()) as { msg_id?: string; alert_id?: string };
    if (body.msg_id === id) receipt = body.alert_id ?? "?";
  };
  phone.client.on("message", onMessage);
  await phone.client.subscribeAsync(receiptTopics, { qos: 1 });
  const payload = {
    alert_type: "panic",
    severity: "critical",
    message: `Simulated panic from ${phone.guardExternalId}`,
    location: { lat: CENTER.lat + 0.002, lon: CENTER.lon - 0.002 },
    timestamp: new Date().toISOString(),
    msg_id: id,
  };
  for (let attempt = 1; !receipt && !isStopped(); attempt++) {
    log(`${phone.guardExternalId} PANIC (msg_id ${id}, attempt ${attempt})`);
    phone.client.publish(`alert/panic/${phone.guardExternalId}`, JSON.stringify(payload), { qos: 2 });
    for (let waited = 0; waited < 2000 && !receipt && !isStopped(); waited += 100) await sleep(100);
  }
  phone.client.off("message", onMessage);
  if (receipt) log(`${phone.guardExternalId} panic receipt: alert ${receipt}`);
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
  log(`${devices.length} devices connected to ${options.mqttUrl}; scenarios: ${[...options.scenarios].join(", ")}`);

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
        publish(phone, `guard/${phone.guardExternalId}/gps`, {
          ...fix,
          speed: 1.2,
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
  if (options.scenarios.has("sensors")) {
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
    setTimeout(() => void sendPanic(phones[0]!, () => stopped), Math.min(1000, options.intervalMs)).unref();
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
