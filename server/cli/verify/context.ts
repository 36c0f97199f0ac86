// What verify's checks share: the target, the admin's token, the phone's MQTT
// connection and what it heard, the live feed's counts, and waiting for a
// condition with a deadline. The login check fills it; later checks read it.
import type { MqttClient } from "mqtt";
import type { Socket } from "socket.io-client";
import { api, metricSum, sleep, type Registered } from "../lib/vigil-api";

export const GUARD = "verify-g";
export const PHONE = "verify-phone";

export type VerifyContext = {
  url: string;
  mqttUrl: string;
  opsUrl: string;
  /** --token, when given: the admin's API token instead of ADMIN_EMAIL/ADMIN_PASSWORD. */
  givenToken: string | undefined;
  waitMs: number;
  /** A second before the run: what it stores is newer. */
  started: Date;
  /** This run's GPS position (random near Bangalore), so a check finds its own fix. */
  fix: { lat: number; lon: number };
  token: string;
  phone: Registered | undefined;
  client: MqttClient | undefined;
  socket: Socket | undefined;
  socketEvents: { positions: number; alerts: number };
  receipts: { topic: string; msgId?: string; alertId?: string }[];
  metricsBefore: string;
  panicAlertId: string;
};

export type Check = { name: string; run: (ctx: VerifyContext) => Promise<string> };

export function newContext(
  target: { url: string; mqttUrl: string; opsUrl: string },
  givenToken: string | undefined,
  waitMs: number,
): VerifyContext {
  return {
    ...target,
    givenToken,
    waitMs,
    started: new Date(Date.now() - 1000),
    fix: { lat: +(12.97 + Math.random() * 0.01).toFixed(6), lon: +(77.59 + Math.random() * 0.01).toFixed(6) },
    token: "",
    phone: undefined,
    client: undefined,
    socket: undefined,
    socketEvents: { positions: 0, alerts: 0 },
    receipts: [],
    metricsBefore: "",
    panicAlertId: "",
  };
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${ms / 1000} s`);
    await sleep(250);
  }
}

/** Publishes on the phone's connection (a string as is, anything else as JSON). */
export function publishAs(ctx: VerifyContext) {
  return (topic: string, payload: unknown, qos: 0 | 1 | 2 = 1) =>
    ctx.client!.publishAsync(topic, typeof payload === "string" ? payload : JSON.stringify(payload), { qos });
}

export const metricsOf = async (ctx: VerifyContext) => (await api<string>(ctx.opsUrl, "/metrics")).body;
export const messagesTotal = (text: string) => metricSum(text, "vigil_mqtt_messages_total");

/** Whether the verify guard has a stored fix at this point since the run started. */
export async function hasFix(ctx: VerifyContext, at: { lat: number; lon: number }): Promise<boolean> {
  const since = encodeURIComponent(ctx.started.toISOString());
  const { body } = await api<{ lat: number; lon: number }[]>(
    ctx.url,
    `/api/v1/guards/${GUARD}/locations?since=${since}`,
    { token: ctx.token },
  );
  return Array.isArray(body) && body.some((l) => Math.abs(l.lat - at.lat) < 1e-6 && Math.abs(l.lon - at.lon) < 1e-6);
}
