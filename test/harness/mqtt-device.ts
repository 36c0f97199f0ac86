// MQTT helpers acting as a field device: connect with credentials, publish
// seed-format payloads (design section 3).
import { randomBytes } from "node:crypto";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";

export async function connectDevice(
  url: string,
  credentials?: { username: string; password: string },
  options: IClientOptions = {},
): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    // A device owns its external id and `<id>@<suffix>` (server/contracts/mqtt-identity.ts).
    clientId: credentials
      ? `${credentials.username}@${randomBytes(3).toString("hex")}`
      : `anon-${randomBytes(3).toString("hex")}`,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...(credentials ?? {}),
    ...options,
  });
}

/**
 * Resolves when a connected client's connection is gone, including when the broker closed it before this was
 * called (mqtt.js sets `disconnected` only on `end()`, so `connected` is what tells a closed socket).
 */
export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.disconnected || (!client.connected && !client.reconnecting)) return resolve();
    client.once("close", () => resolve());
  });
}

export type GpsFix = { lat: number; lon: number; accuracy?: number; timestamp?: string; msg_id?: string } & Record<
  string,
  unknown
>;

export function gpsFix(fields: Partial<GpsFix> = {}): GpsFix {
  return {
    lat: 12.9716,
    lon: 77.5946,
    accuracy: 8,
    timestamp: new Date().toISOString(),
    msg_id: randomBytes(6).toString("hex"),
    ...fields,
  };
}

/** A panic alarm as a phone sends it to `alert/panic/<guard>`: critical, with a location and a fresh msg_id. */
export function panicAlarm(message: string, at = new Date(), msgId = randomBytes(6).toString("hex")) {
  return {
    alert_type: "panic",
    severity: "critical",
    message,
    location: { lat: 12.9716, lon: 77.5946 },
    timestamp: at.toISOString(),
    msg_id: msgId,
  };
}

export async function publishJson(client: MqttClient, topic: string, payload: unknown, qos: 0 | 1 | 2 = 1) {
  await client.publishAsync(topic, typeof payload === "string" ? payload : JSON.stringify(payload), { qos });
}

export async function endQuietly(...clients: (MqttClient | undefined)[]): Promise<void> {
  await Promise.all(clients.map((c) => (c ? c.endAsync(true).catch(() => {}) : undefined)));
}
