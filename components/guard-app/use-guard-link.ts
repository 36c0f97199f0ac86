"use client";
// The guard app's MQTT connection: mqtt.js over WebSocket to the web port's
// /mqtt with the phone's device login. It subscribes to the guard's receipts
// and the device's commands, sends the outbox (outbox.ts) on every connect
// and every few seconds until each message's receipt settles it, publishes
// GPS fixes while connected, and says "received" to each command.
import type { MqttClient } from "mqtt";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  deviceAppTopics,
  deviceCommandPayload,
  guardAppTopics,
  receiptPayload,
  type DeviceCommandPayload,
  type QueuedMessage,
  type ReceiptPayload,
} from "@/server/contracts/guard-app";
import { loadOutbox, saveOutbox, settle } from "./outbox";
import type { GuardLogin } from "./stored-login";

const RESEND_MS = 5_000;
const RECONNECT_MS = 2_000;

type Handlers = { onReceipt: (receipt: ReceiptPayload) => void; onCommand: (command: DeviceCommandPayload) => void };
export type GpsFix = {
  lat: number;
  lon: number;
  accuracy: number;
  timestamp: string;
  speed?: number;
  heading?: number;
};

function parsed(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString()) as unknown;
  } catch {
    return null;
  }
}

export function useGuardLink(login: GuardLogin | null, handlers: Handlers) {
  const [online, setOnline] = useState(false);
  const [pending, setPending] = useState(0);
  const clientRef = useRef<MqttClient | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const flush = useCallback(() => {
    const outbox = loadOutbox(localStorage);
    setPending(outbox.length);
    const client = clientRef.current;
    if (!client?.connected) return;
    for (const m of outbox) client.publish(m.topic, JSON.stringify(m.payload), { qos: m.qos });
  }, []);

  useEffect(() => {
    if (!login) return;
    let stopped = false;
    const guard = guardAppTopics(login.guardExternalId);
    const device = deviceAppTopics(login.username);
    // mqtt.js's browser build (dist/mqtt.esm.js) has only a default export.
    void import("mqtt").then(({ default: mqtt }) => {
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const client = mqtt.connect(`${scheme}://${location.host}${login.mqttPath}`, {
        username: login.username,
        password: login.password,
        clientId: `${login.username}@app`,
        reconnectPeriod: RECONNECT_MS,
        // mqtt.js would run its timers in a worker made from a blob: URL, which the CSP (worker-src 'self') refuses.
        timerVariant: "native",
      });
      clientRef.current = client;
      client.on("connect", () => {
        setOnline(true);
        client.subscribe([guard.receipts, device.commands], { qos: 1 }, () => flush());
      });
      client.on("close", () => setOnline(false));
      // A refused login or a dropped socket: mqtt.js reconnects by itself; the status line says Offline meanwhile.
      client.on("error", () => setOnline(false));
      client.on("message", (topic, payload) => {
        if (topic === guard.receipts) {
          const receipt = receiptPayload.safeParse(parsed(payload));
          if (!receipt.success) return;
          const outbox = settle(loadOutbox(localStorage), receipt.data.msg_id);
          saveOutbox(localStorage, outbox);
          setPending(outbox.length);
          handlersRef.current.onReceipt(receipt.data);
        } else if (topic === device.commands) {
          const command = deviceCommandPayload.safeParse(parsed(payload));
          if (!command.success) return;
          const answer = { command_id: command.data.command_id, status: "received" };
          client.publish(device.commandResults, JSON.stringify(answer), { qos: 1 });
          handlersRef.current.onCommand(command.data);
        }
      });
    });
    const timer = setInterval(flush, RESEND_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      clientRef.current?.end(true);
      clientRef.current = null;
    };
  }, [login, flush]);

  /** Queues a message (persisted at once) and sends it now if connected. */
  const send = useCallback((message: QueuedMessage) => {
    const outbox = [...loadOutbox(localStorage), message];
    saveOutbox(localStorage, outbox);
    setPending(outbox.length);
    const client = clientRef.current;
    if (client?.connected) client.publish(message.topic, JSON.stringify(message.payload), { qos: message.qos });
  }, []);

  /** A GPS fix goes out only while connected: a stale position is worth less than the next one. */
  const publishFix = useCallback(
    (fix: GpsFix) => {
      const client = clientRef.current;
      if (login && client?.connected) {
        client.publish(guardAppTopics(login.guardExternalId).gps, JSON.stringify(fix), { qos: 0 });
      }
    },
    [login],
  );

  return { online, pending, send, publishFix };
}
