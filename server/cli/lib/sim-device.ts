// A simulated device: its MQTT connection under its own credentials, how it
// publishes native uplinks, answers commands and sends a panic until its
// receipt arrives (the end-to-end receipt of docs/architecture.md).
import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { msgId, sleep, type Credentials, type DeviceKind, type Registered } from "./vigil-api";

export type SimDevice = {
  externalId: string;
  kind: DeviceKind;
  guardExternalId?: string;
  credentials: Registered;
  client: MqttClient;
  silent: boolean;
};

export const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);

export async function connect(mqttUrl: string, { username, password }: Credentials): Promise<MqttClient> {
  return mqtt.connectAsync(mqttUrl, {
    username,
    password,
    clientId: `${username}@sim-${randomBytes(3).toString("hex")}`,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  });
}

/** A native uplink with a timestamp and a message id. */
export function publish(device: SimDevice, topic: string, payload: Record<string, unknown>, qos: 0 | 1 | 2 = 1) {
  if (device.silent || device.client.disconnecting) return;
  const body = { ...payload, timestamp: new Date().toISOString(), msg_id: msgId() };
  device.client.publish(topic, JSON.stringify(body), { qos }, (error) => {
    if (error) log(`publish ${topic} failed: ${error.message}`);
  });
}

/** Answers commands: "received" at once, "done" half a second later. */
export function answerCommands(device: SimDevice): void {
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
export async function sendPanic(
  phone: SimDevice,
  at: { lat: number; lon: number },
  isStopped: () => boolean,
): Promise<void> {
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
    location: at,
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
