// verify's checks of Vigil's own contract: the login (the admin's token, the
// verify phone's MQTT connection, the live feed), a GPS fix stored, a
// geofence violation raising its alert, and telemetry becoming the device's
// latest.
import { randomBytes } from "node:crypto";
import mqtt from "mqtt";
import { io } from "socket.io-client";
import { api, assignGuard, ensureDevice, ensureGuard, ensureSite, logIn, msgId, sleep } from "../lib/vigil-api";
import { GUARD, metricsOf, PHONE, publishAs, until, type Check } from "./context";

export const pipelineChecks: Check[] = [
  {
    name: "login",
    run: async (ctx) => {
      ctx.token = await logIn(ctx.url, ctx.givenToken);
      await ensureGuard(ctx.url, ctx.token, GUARD, "Verify Guard");
      ctx.phone = await ensureDevice(ctx.url, ctx.token, {
        externalId: PHONE,
        kind: "guard-phone",
        guardExternalId: GUARD,
      });
      const client = await mqtt.connectAsync(ctx.mqttUrl, {
        username: ctx.phone.username,
        password: ctx.phone.password,
        clientId: `${PHONE}@${randomBytes(3).toString("hex")}`,
        reconnectPeriod: 0,
        connectTimeout: 10_000,
      });
      ctx.client = client;
      await client.subscribeAsync([`device/${PHONE}/receipts`, `guard/${GUARD}/receipts`], { qos: 1 });
      client.on("message", (topic, raw) => {
        const body = JSON.parse(raw.toString()) as { msg_id?: string; alert_id?: string };
        ctx.receipts.push({ topic, msgId: body.msg_id, alertId: body.alert_id });
      });
      const socket = io(ctx.url, { auth: { token: ctx.token }, transports: ["websocket"], reconnection: false });
      ctx.socket = socket;
      socket.on("guard:positions", () => ctx.socketEvents.positions++);
      socket.on("alerts:changed", () => ctx.socketEvents.alerts++);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", (error) => reject(new Error(`Socket.IO: ${error.message}`)));
      });
      ctx.metricsBefore = await metricsOf(ctx);
      return `token ok; ${PHONE} connected to ${ctx.mqttUrl}; Socket.IO connected`;
    },
  },
  {
    name: "MQTT GPS fix is stored",
    run: async (ctx) => {
      const { url, waitMs, started, fix, token } = ctx;
      const publish = publishAs(ctx);
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
    run: async (ctx) => {
      const { url, waitMs, fix, token } = ctx;
      const publish = publishAs(ctx);
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
  {
    name: "telemetry is the device's latest",
    run: async (ctx) => {
      const { url, waitMs, token } = ctx;
      const publish = publishAs(ctx);
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
          const { body } = await api<{ latestTelemetry: { battery: number } | null }>(url, `/api/v1/devices/${PHONE}`, {
            token,
          });
          return body?.latestTelemetry?.battery === battery;
        },
        waitMs,
      );
      return `battery ${battery} is the latest telemetry`;
    },
  },
];
