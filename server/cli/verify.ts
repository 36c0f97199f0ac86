// npm run verify -- [--url http://localhost:3000] [--mqtt-url mqtt://localhost:1883] [--ops-url URL] [--token T]
// Checks the pipeline end to end against a running Vigil: a device's GPS fix, a geofence violation,
// telemetry, an invalid payload, a panic and its receipt, the live Socket.IO
// feed, /metrics, a tour run walked end to end (verify-tour.ts) and, when an escalation policy exists, notifications. Uses
// its own guard verify-g and phone verify-phone (registered or re-keyed).
// Prints PASS/FAIL per check; exits 0 when all pass, else the failed count.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import mqtt, { type MqttClient } from "mqtt";
import { io, type Socket } from "socket.io-client";
import {
  api,
  assignGuard,
  ensureDevice,
  ensureGuard,
  ensureSite,
  logIn,
  metricSum,
  msgId,
  resolveTarget,
  sleep,
  targetOptions,
} from "./lib/vigil-api";
import { tourCheck } from "./verify-tour";

const GUARD = "verify-g";
const PHONE = "verify-phone";
type Check = { name: string; run: () => Promise<string> };

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${ms / 1000} s`);
    await sleep(250);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { ...targetOptions, "timeout-s": { type: "string", default: "10" } } });
  const { url, mqttUrl, opsUrl } = resolveTarget(values);
  const waitMs = Number(values["timeout-s"]) * 1000;
  const started = new Date(Date.now() - 1000);
  const metrics = async () => (await api<string>(opsUrl, "/metrics")).body;
  const messagesTotal = (text: string) => metricSum(text, "vigil_mqtt_messages_total");

  let token = "";
  let client: MqttClient | undefined;
  let socket: Socket | undefined;
  const socketEvents = { positions: 0, alerts: 0 };
  const receipts: { topic: string; msgId?: string; alertId?: string }[] = [];
  let metricsBefore = "";
  let panicAlertId = "";
  const fix = { lat: +(12.97 + Math.random() * 0.01).toFixed(6), lon: +(77.59 + Math.random() * 0.01).toFixed(6) };
  const publish = (topic: string, payload: unknown, qos: 0 | 1 | 2 = 1) =>
    client!.publishAsync(topic, typeof payload === "string" ? payload : JSON.stringify(payload), { qos });

  const checks: Check[] = [
    {
      name: "login",
      run: async () => {
        token = await logIn(url, values.token);
        await ensureGuard(url, token, GUARD, "Verify Guard");
        const credentials = await ensureDevice(url, token, {
          externalId: PHONE,
          kind: "guard-phone",
          guardExternalId: GUARD,
        });
        client = await mqtt.connectAsync(mqttUrl, {
          ...credentials,
          clientId: `${PHONE}@${randomBytes(3).toString("hex")}`,
          reconnectPeriod: 0,
          connectTimeout: 10_000,
        });
        await client.subscribeAsync([`device/${PHONE}/receipts`, `guard/${GUARD}/receipts`], { qos: 1 });
        client.on("message", (topic, raw) => {
          const body = JSON.parse(raw.toString()) as { msg_id?: string; alert_id?: string };
          receipts.push({ topic, msgId: body.msg_id, alertId: body.alert_id });
        });
        socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false });
        socket.on("guard:positions", () => socketEvents.positions++);
        socket.on("alerts:changed", () => socketEvents.alerts++);
        await new Promise<void>((resolve, reject) => {
          socket!.once("connect", () => resolve());
          socket!.once("connect_error", (error) => reject(new Error(`Socket.IO: ${error.message}`)));
        });
        metricsBefore = await metrics();
        return `token ok; ${PHONE} connected to ${mqttUrl}; Socket.IO connected`;
      },
    },
    {
      name: "MQTT GPS fix is stored",
      run: async () => {
        await publish(`guard/${GUARD}/gps`, {
          ...fix,
          accuracy: 6,
          timestamp: new Date().toISOString(),
          msg_id: msgId(),
        });
        const since = encodeURIComponent(started.toISOString());
        await until(
          "the fix in GET /api/v1/guards/verify-g/locations",
          async () => {
            const { body } = await api<{ lat: number; lon: number }[]>(
              url,
              `/api/v1/guards/${GUARD}/locations?since=${since}`,
              { token },
            );
            return (
              Array.isArray(body) &&
              body.some((l) => Math.abs(l.lat - fix.lat) < 1e-6 && Math.abs(l.lon - fix.lon) < 1e-6)
            );
          },
          waitMs,
        );
        return `fix ${fix.lat}, ${fix.lon} stored`;
      },
    },
    {
      name: "geofence violation raises an alert",
      run: async () => {
        // A 50 m fence around this run's fix; the guard walks 500 m out for three fixes, then back.
        const center: [number, number] = [fix.lon, fix.lat];
        const siteId = await ensureSite(url, token, { name: "Verify site", center, radiusM: 50 });
        const fence = { name: "perimeter", circle: { center, radiusM: 50 }, bufferM: 10, confirmFixes: 3 };
        const put = await api(url, `/api/v1/sites/${siteId}`, {
          method: "PUT",
          token,
          body: { name: "Verify site", geofences: [fence] },
        });
        if (put.status !== 200) throw new Error(`PUT /api/v1/sites/${siteId}: HTTP ${put.status}`);
        await assignGuard(url, token, GUARD, siteId);
        await sleep(1000); // fences reload within a second of a change
        const walk = async (metresNorth: number) => {
          await sleep(20);
          await publish(`guard/${GUARD}/gps`, {
            lat: fix.lat + metresNorth / 111_320,
            lon: fix.lon,
            accuracy: 5,
            timestamp: new Date().toISOString(),
            msg_id: msgId(),
          });
        };
        const since = encodeURIComponent(new Date().toISOString());
        await walk(0);
        for (const m of [500, 510, 520]) await walk(m);
        const violation = await until(
          "a violation in GET /api/v1/guards/verify-g/violations",
          async () => {
            const { body } = await api<{ alertId: string | null; metresOutside: number }[]>(
              url,
              `/api/v1/guards/${GUARD}/violations?since=${since}`,
              { token },
            );
            return Array.isArray(body) && body.find((v) => v.alertId);
          },
          waitMs,
        );
        const alert = await api<{ type: string; severity: string }>(url, `/api/v1/alerts/${violation.alertId}`, {
          token,
        });
        if (alert.body.type !== "geofence-violation" || alert.body.severity !== "critical")
          throw new Error(`alert ${violation.alertId} is ${alert.body.severity} ${alert.body.type}`);
        await walk(0);
        return `violation ${Math.round(violation.metresOutside)} m outside; critical alert ${violation.alertId}`;
      },
    },
    tourCheck({ url, guard: GUARD, token: () => token, publish, receipts, fix, waitMs }),
    {
      name: "telemetry is the device's latest",
      run: async () => {
        const battery = 10 + Math.floor(Math.random() * 80);
        await publish(`device/${PHONE}/telemetry`, {
          battery,
          signal: -71,
          temperature: 31.5,
          timestamp: new Date().toISOString(),
          msg_id: msgId(),
        });
        await until(
          "the telemetry in GET /api/v1/devices/verify-phone",
          async () => {
            const { body } = await api<{ latestTelemetry: { battery: number } | null }>(
              url,
              `/api/v1/devices/${PHONE}`,
              { token },
            );
            return body?.latestTelemetry?.battery === battery;
          },
          waitMs,
        );
        return `battery ${battery} is the latest telemetry`;
      },
    },
    {
      name: "invalid payload is quarantined and counted",
      run: async () => {
        const before = metricSum(await metrics(), "vigil_mqtt_messages_total");
        const marker = msgId();
        await publish(`guard/${GUARD}/gps`, { lat: "north", lon: 77.59, msg_id: marker });
        await until(
          "the quarantine row",
          async () => {
            const { body } = await api<{ items: { topic: string; receivedAt: string; payload: unknown }[] }>(
              url,
              "/api/v1/quarantine?limit=50",
              { token },
            );
            return body?.items?.some(
              (q) => q.topic === `guard/${GUARD}/gps` && JSON.stringify(q.payload).includes(marker),
            );
          },
          waitMs,
        );
        const after = await until(
          "vigil_mqtt_messages_total moving",
          async () => {
            const n = messagesTotal(await metrics());
            return n > before ? n : undefined;
          },
          waitMs,
        );
        return `quarantined; vigil_mqtt_messages_total ${before} -> ${after}`;
      },
    },
    {
      name: "panic raises an alert and a receipt",
      run: async () => {
        const id = msgId();
        await publish(
          `alert/panic/${GUARD}`,
          {
            alert_type: "panic",
            severity: "critical",
            message: "verify: panic pipeline check",
            location: fix,
            timestamp: new Date().toISOString(),
            msg_id: id,
          },
          2,
        );
        const alert = await until(
          "an open panic alert from verify-g",
          async () => {
            const { body } = await api<{ id: string; type: string; sourceExternalId: string; lastSeenAt: string }[]>(
              url,
              "/api/v1/alerts?status=open&limit=200",
              { token },
            );
            return Array.isArray(body)
              ? body.find(
                  (a) =>
                    a.type === "panic" && a.sourceExternalId === GUARD && Date.parse(a.lastSeenAt) >= started.getTime(),
                )
              : undefined;
          },
          waitMs,
        );
        panicAlertId = alert.id;
        const receipt = await until("the receipt", async () => receipts.find((r) => r.msgId === id), waitMs);
        return `alert ${alert.id}; receipt on ${receipt.topic}`;
      },
    },
    {
      name: "Socket.IO pushes guard:positions and alerts:changed",
      run: async () => {
        await until(
          "guard:positions and alerts:changed",
          async () => socketEvents.positions > 0 && socketEvents.alerts > 0,
          waitMs,
        ).catch(() => {
          throw new Error(`got ${socketEvents.positions} guard:positions and ${socketEvents.alerts} alerts:changed`);
        });
        return `${socketEvents.positions} guard:positions, ${socketEvents.alerts} alerts:changed`;
      },
    },
    {
      name: "metrics are moving",
      run: async () => {
        const now = await metrics();
        const accepted = (text: string) => metricSum(text, "vigil_mqtt_messages_total", { result: "accepted" });
        const delta = accepted(now) - accepted(metricsBefore);
        if (delta < 3) throw new Error(`vigil_mqtt_messages_total{result="accepted"} moved by ${delta}, expected >= 3`);
        return `accepted messages +${delta}`;
      },
    },
    {
      name: "notifications for the alert",
      run: async () => {
        const { body: policies } = await api<{ items?: unknown[] }>(url, "/api/v1/escalation-policies?limit=1", {
          token,
        });
        if (!policies.items?.length) return "skipped: no escalation policy";
        if (!panicAlertId) throw new Error("no panic alert to look at");
        const deliveries = await until(
          "delivery rows on the panic alert",
          async () => {
            const { body } = await api<{ deliveries?: { channel: string; status: string }[] }>(
              url,
              `/api/v1/alerts/${panicAlertId}`,
              {
                token,
              },
            );
            return body?.deliveries?.length ? body.deliveries : undefined;
          },
          waitMs,
        );
        return `${deliveries.length} deliveries (${deliveries.map((d) => `${d.channel}:${d.status}`).join(", ")})`;
      },
    },
  ];

  let failed = 0;
  for (const check of checks) {
    try {
      const reason = await check.run();
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
  socket?.disconnect();
  await client?.endAsync().catch(() => {});
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
