// Mosquitto 2 keeps routing a shared-subscription member's share of the group
// to its persistent session while the process is gone, and delivers it only
// when the same client id returns. So, on a shared subscription, every ingest
// session leaves a will, delayed so that a quick restart cancels it. The
// broker hands the will to one survivor through the group, and the survivor
// connects with the gone process's client id: it takes over that session
// (what was queued or in flight, and the share from then on) until the process
// returns and takes its session back (the broker then disconnects the
// adopter with 0x8E, "session taken over"). No state of our own: the broker's
// sessions are the state; a duplicate delivery on a hand-over is stored once
// (dedupe by msg_id).
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { GONE_TOPIC } from "../contracts/mqtt-topics";
import type { Logger } from "../observability/logger";

/** A process back within this delay keeps its own session; after it, a survivor adopts it. */
const WILL_DELAY_SECONDS = 2;
const SESSION_TAKEN_OVER = 0x8e;
/** MQTT 5 DISCONNECT reason: close, and let the broker publish the will. */
export const DISCONNECT_WITH_WILL = 0x04;

export function goneWill(clientId: string): NonNullable<IClientOptions["will"]> {
  return {
    topic: GONE_TOPIC,
    payload: Buffer.from(clientId),
    qos: 1,
    retain: false,
    properties: { willDelayInterval: WILL_DELAY_SECONDS },
  };
}

const goneSubscription = (sharedGroup: string) => `$share/${sharedGroup}/${GONE_TOPIC}`;

export type SessionAdoption = {
  /** Starts listening for the wills of gone ingest processes (with this process's own session). */
  watch: () => void;
  /** Stops listening: `force` drops the connection at once (the database is down), else it closes cleanly. */
  stopWatching: (disconnect: { force: boolean }) => Promise<void>;
  /** Ends every adopted session: `force` drops it, else it closes leaving its will for another survivor. */
  endAdopted: (disconnect: { force: boolean }) => Promise<void>[];
};

export function createSessionAdoption({
  url,
  clientId,
  login,
  group,
  logger,
  openSession,
  mayAdopt,
}: {
  url: string;
  /** This process's own session, never adopted by itself. */
  clientId: string;
  login: Pick<IClientOptions, "username" | "password">;
  group: string;
  logger: Logger;
  /** Opens a persistent session feeding this process's pipeline under another process's client id. */
  openSession: (clientId: string) => MqttClient;
  /** False while this process cannot take more (it is recovering its database). */
  mayAdopt: () => boolean;
}): SessionAdoption {
  const adopted = new Map<string, MqttClient>();
  let watcher: MqttClient | undefined;

  function adopt(goneId: string): void {
    if (goneId === clientId || adopted.has(goneId) || !mayAdopt()) return;
    logger.warn({ adopted: goneId }, "an ingest process is gone: taking over its session until it returns");
    const c = openSession(goneId);
    adopted.set(goneId, c);
    c.on("connect", (connack) =>
      logger.info({ adopted: goneId, session_present: connack.sessionPresent }, "adopted session connected"),
    );
    c.on("disconnect", (packet) => {
      if (packet.reasonCode === SESSION_TAKEN_OVER)
        logger.info({ adopted: goneId }, "its process is back: session handed over");
    });
    c.on("close", () => {
      adopted.delete(goneId);
      c.end(true);
    });
  }

  /**
   * Wills reach live processes only: through a session that ends with its
   * connection (the dead process's own persistent session is still in the
   * shared group and would queue the will for itself).
   */
  function watch(): void {
    const w = mqtt.connect(url, {
      clientId: `${clientId}-watch`,
      clean: true,
      protocolVersion: 5,
      reconnectPeriod: 1000,
      reconnectOnConnackError: true,
      connectTimeout: 10_000,
      ...login,
      properties: { sessionExpiryInterval: 0 },
    });
    w.on("connect", () =>
      w.subscribe(goneSubscription(group), { qos: 1 }, (error) => {
        if (error) logger.error({ err: error }, "subscribe to ingest wills failed");
      }),
    );
    w.on("message", (_topic, payload) => adopt(payload.toString()));
    w.on("error", (error) => logger.warn({ err: error }, "mqtt will watcher error"));
    watcher = w;
  }

  return {
    watch,
    stopWatching: ({ force }) =>
      new Promise<void>((resolve) => (watcher ? watcher.end(force, {}, () => resolve()) : resolve())),
    endAdopted: ({ force }) =>
      [...adopted.values()].map(
        (c) =>
          new Promise<void>((resolve) =>
            force
              ? c.end(true, {}, () => resolve())
              : c.end(false, { reasonCode: DISCONNECT_WITH_WILL }, () => resolve()),
          ),
      ),
  };
}
