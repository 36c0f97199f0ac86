// MQTT over WebSocket on the web port, at /mqtt, for the embedded broker: the
// browser guard app (and any client that can only open a web socket) speaks
// MQTT through it, to the same broker, with the same logins and topic ACL as
// on TCP. With an external Mosquitto, its own websockets listener serves this
// (deploy/mosquitto/mosquitto.conf).
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { createWebSocketStream, WebSocketServer } from "ws";

const MQTT_WEBSOCKET_PATH = "/mqtt";

// The subprotocols MQTT clients ask for: "mqtt" (3.1.1 and 5), "mqttv3.1" (3.1).
const SUBPROTOCOLS = ["mqtt", "mqttv3.1"];

/** Upgrades a request for /mqtt into an MQTT connection on the broker; false for any other path. */
export type MqttUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export function createMqttWebSocket({
  handle,
  maxPacketBytes,
}: {
  /** The broker's entry for a client's byte stream (embedded-broker.ts). */
  handle: (stream: Duplex) => void;
  /** A web socket message past this closes the connection, as an oversized packet does on TCP. */
  maxPacketBytes: number;
}): { upgrade: MqttUpgrade; close: () => void } {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: maxPacketBytes,
    handleProtocols: (offered) => SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  return {
    upgrade(req, socket, head) {
      if (new URL(req.url ?? "/", "http://vigil").pathname !== MQTT_WEBSOCKET_PATH) return false;
      server.handleUpgrade(req, socket, head, (ws) => handle(createWebSocketStream(ws)));
      return true;
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
