// The embedded MQTT broker (aedes), used when MQTT_URL is not set. Devices
// log in with their external id and the secret issued at registration; the
// ingestor logs in with a service account generated at each start.
import { randomBytes } from "node:crypto";
import net from "node:net";
import { Aedes, type Client } from "aedes";
import type { Sql } from "postgres";
import { OWNTRACKS_ROOT, UPLINK_FAMILIES, ZIGBEE2MQTT_ROOT } from "../contracts/mqtt-topics";
import { isValidClientId, mayPublish, maySubscribe } from "../auth/device-acl";
import type { Logger } from "../observability/logger";
import { printablePayload } from "../lib/printable-payload";
import { authError, createBrokerLogin, type BrokerIdentity, type DeviceLogin } from "./broker-login";
import type { ClientIdRefusal } from "./client-id-policy";
import { guardMqttFrames, type FrameViolation } from "./mqtt-frame-guard";
import { createMqttWebSocket, type MqttUpgrade } from "./mqtt-websocket";
import { limitPendingConnections } from "./pending-connections";
import { createPublishThrottle, type PublishThrottle } from "./publish-throttle";
import { startRevokedDeviceSweep } from "./revoked-device-sweep";

const ZIGBEE2MQTT_PREFIX = `${ZIGBEE2MQTT_ROOT}/`;

export type EmbeddedBroker = {
  url: string;
  /** MQTT over WebSocket on the web port (mqtt-websocket.ts): the same broker, logins and ACL as on TCP. */
  webSocket: { upgrade: MqttUpgrade; close: () => void };
  service: { username: string; password: string };
  /**
   * First step of a clean stop: refuses new connections, closes the devices'
   * connections, then waits (bounded) until the subscriber has acknowledged
   * everything already forwarded to it. aedes acknowledges a device's QoS 1
   * publish before the subscriber has it and keeps it only in memory, so
   * stopping the ingestor first would lose messages devices were told arrived.
   */
  quiesce: (subscriberClientId: string, options?: { timeoutMs?: number }) => Promise<void>;
  stop: () => Promise<void>;
};

export type ConnectionRefusal = "connect_timeout" | "too_many_pending" | ClientIdRefusal | FrameViolation;

// aedes's error when its connect timer fires (lib/client.js).
const CONNECT_TIMEOUT_MESSAGE = "connect did not arrive in time";

type AedesInternals = {
  clients: Record<string, Client>;
  persistence: { outgoingStream: (client: { id: string }) => AsyncIterable<unknown> };
};

export async function startEmbeddedBroker({
  host,
  port,
  sql,
  allowAnonymous,
  connectTimeoutMs,
  maxPendingPerAddress,
  maxPayloadBytes,
  publishRate,
  logger,
  onRejected,
  onConnectionRefused,
  onThrottled,
}: {
  host: string;
  port: number;
  sql: Sql;
  allowAnonymous: boolean;
  /**
   * MQTT_CONNECT_TIMEOUT_MS: how long a connection may stay open before its CONNECT packet has arrived whole
   * (authentication after it is not timed by this). Each such socket costs a descriptor and aedes's client state,
   * so aedes's default of 30 s let cheap idle sockets pile up.
   */
  connectTimeoutMs: number;
  /** MQTT_MAX_PENDING_PER_ADDRESS: past it, a new connection from that address is closed at once (pending-connections.ts). */
  maxPendingPerAddress: number;
  /** INGEST_MAX_PAYLOAD_BYTES: packets a little over it are still taken in (and quarantined with the reason). */
  maxPayloadBytes: number;
  /**
   * MQTT_PUBLISH_RATE_PER_CLIENT and MQTT_PUBLISH_BURST_PER_CLIENT: each device connection's publishes beyond them
   * are held back (publish-throttle.ts); alarms (`alert/...`) never are. A rate of 0 turns it off.
   */
  publishRate: { ratePerSecond: number; burst: number };
  logger: Logger;
  onRejected: (rejection: { family: string; reason: string }) => void;
  /** A device publish held back over its rate, by topic family. */
  onThrottled: (family: string) => void;
  /** A connection closed before it was served, and why. */
  onConnectionRefused: (reason: ConnectionRefusal) => void;
}): Promise<EmbeddedBroker> {
  const service = { username: "vigil-service", password: randomBytes(24).toString("base64url") };
  const identities = new WeakMap<Client, BrokerIdentity>();

  const login = createBrokerLogin({ sql, service, allowAnonymous });

  const broker = await Aedes.createBroker({
    maxClientsIdLength: 128,
    drainTimeout: 30_000,
    maxTopicLevels: 16,
    connectTimeout: connectTimeoutMs,
  });
  const pending = limitPendingConnections({ maxPerAddress: maxPendingPerAddress });
  broker.preConnect = (client, _packet, callback) => {
    pending.connected(client.conn);
    callback(null, true);
  };
  broker.authenticate = (client, username, password, callback) => {
    if (!isValidClientId(client.id)) return callback(authError(2, "client id not allowed"), false);
    login(client.id, username, password).then(
      (result) => {
        if (result === "bad_login") return callback(authError(4, "bad username or password"), false);
        if (typeof result === "string") {
          onConnectionRefused(result);
          logger.warn({ client_id: client.id, username, reason: result }, "mqtt client id refused");
          return callback(authError(2, "client id not allowed for this login"), false);
        }
        identities.set(client, result);
        callback(null, true);
      },
      (error: unknown) => {
        logger.error({ err: error }, "broker authentication failed");
        callback(authError(3, "server unavailable"), false);
      },
    );
  };
  const throttles = new WeakMap<Client, PublishThrottle>();
  function throttleOf(client: Client): PublishThrottle | null {
    if (publishRate.ratePerSecond <= 0) return null;
    let throttle = throttles.get(client);
    if (!throttle) throttles.set(client, (throttle = createPublishThrottle(publishRate)));
    return throttle;
  }

  broker.authorizePublish = (client, packet, callback) => {
    const identity = client ? identities.get(client) : undefined;
    const topic = packet.topic;
    if (topic.startsWith("$")) return callback(new Error("reserved topic"));
    if (identity?.kind === "service") return callback(null);
    if (packet.retain) {
      // Zigbee2MQTT publishes its bridge state (and its last will), availability and device lists retained, and
      // cannot be told not to for all of them: taken as ordinary messages, never stored by the broker.
      if (!topic.startsWith(ZIGBEE2MQTT_PREFIX))
        return callback(new Error("devices may not publish retained messages"));
      packet.retain = false;
    }
    const allowed =
      identity?.kind === "device"
        ? mayPublish(identity, topic)
        : identity?.kind === "anonymous" && mayPublishAnonymously(topic);
    if (!allowed) {
      logger.warn({ client_id: client?.id, topic: topic.slice(0, 200) }, "publish refused");
      onRefusedPublish(identity?.kind === "device" ? identity : null, topic, packet.payload);
      return callback(new Error("topic not allowed"));
    }
    // A device's flood cannot delay anyone's alarm: its publishes are held back past its rate, alarms never.
    const family = familyOf(topic);
    const throttle = identity?.kind === "device" && family !== "alert" ? throttleOf(client!) : null;
    const delayMs = throttle?.delayFor(Date.now()) ?? 0;
    if (delayMs <= 0) return callback(null);
    onThrottled(family);
    setTimeout(() => callback(null), delayMs);
  };
  broker.authorizeSubscribe = (client, subscription, callback) => {
    const identity = identities.get(client);
    const topic = subscription.topic;
    const allowed =
      identity?.kind === "service"
        ? !topic.startsWith("$SYS")
        : identity?.kind === "device" && maySubscribe(identity, topic);
    if (allowed) return callback(null, subscription);
    // The OwnTracks app subscribes to everyone's topics by default (`owntracks/+/+`, booklet tech/json): refused
    // in the SUBACK (0x80) only, so that the app stays connected for its own commands.
    // A gateway's Zigbee2MQTT set to another base likewise: its publishes there are refused, and logged.
    if (topic.startsWith(`${OWNTRACKS_ROOT}/`) || topic.startsWith(ZIGBEE2MQTT_PREFIX)) return callback(null, null);
    callback(new Error("subscription not allowed"), null);
  };
  broker.on("clientError", (client, error) =>
    logger.debug({ client_id: client.id, err: error.message }, "mqtt client error"),
  );
  broker.on("connectionError", (_client, error) => {
    if (error.message === CONNECT_TIMEOUT_MESSAGE) onConnectionRefused("connect_timeout");
    logger.debug({ err: error.message }, "mqtt connection error");
  });

  const deviceClients = new Set<Client>();
  broker.on("clientReady", (client) => {
    if (identities.get(client)?.kind === "device") deviceClients.add(client);
  });
  broker.on("clientDisconnect", (client) => deviceClients.delete(client));

  // A refused publish is kept in quarantine like any other rejected message.
  function onRefusedPublish(device: DeviceLogin | null, topic: string, payload: Buffer | string): void {
    onRejected({ family: familyOf(topic), reason: "not_authorized" });
    const body = typeof payload === "string" ? Buffer.from(payload) : payload;
    sql`
      insert into mqtt_quarantine (tenant_id, device_id, topic, reason, detail, payload)
      values (${device?.tenantId ?? null}, ${device?.deviceId ?? null}, ${topic.slice(0, 512).replaceAll("\u0000", "\uFFFD")},
              'not_authorized', ${device ? `device "${device.externalId}" may not publish here` : "anonymous client"},
              ${printablePayload(body)})`.catch((error: unknown) =>
      logger.error({ err: error }, "quarantine insert failed"),
    );
  }

  const revokedSweep = startRevokedDeviceSweep({
    sql,
    logger,
    connectedDevices: function* () {
      for (const client of deviceClients) {
        const identity = identities.get(client);
        if (identity?.kind === "device") yield [client, identity];
      }
    },
  });

  // Up to 4 times the payload limit (plus a topic) a packet is taken in and quarantined with
  // its reason; beyond that the connection is closed before the packet is buffered.
  const maxPacketBytes = 4 * maxPayloadBytes + 65_536;
  const server = net.createServer((socket) => {
    if (!pending.admit(socket)) {
      onConnectionRefused("too_many_pending");
      logger.debug({ remote: socket.remoteAddress }, "mqtt connection refused: too many pending from its address");
      return void socket.destroy();
    }
    broker.handle(socket);
    guardMqttFrames(socket, {
      maxPacketBytes,
      onViolation: (violation) => {
        onConnectionRefused(violation);
        logger.debug({ remote: socket.remoteAddress, violation }, "mqtt connection closed before parsing");
      },
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  logger.info({ port: address.port }, "embedded MQTT broker listening");

  const webSocket = createMqttWebSocket({ handle: (stream) => broker.handle(stream), maxPacketBytes });

  return {
    url: `mqtt://127.0.0.1:${address.port}`,
    webSocket,
    service,
    async quiesce(subscriberClientId, { timeoutMs = 10_000 } = {}) {
      const internals = broker as unknown as AedesInternals;
      server.close();
      webSocket.close();
      for (const client of Object.values(internals.clients)) {
        if (identities.get(client)?.kind !== "service") client.close();
      }
      const unacknowledged = async () => {
        let count = 0;
        for await (const _packet of internals.persistence.outgoingStream({ id: subscriberClientId })) count += 1;
        return count;
      };
      const deadline = Date.now() + timeoutMs;
      for (let left = await unacknowledged(); left > 0; left = await unacknowledged()) {
        if (Date.now() > deadline) {
          logger.warn({ unacknowledged: left }, "stopping with messages the ingestor has not acknowledged");
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      revokedSweep.stop();
      webSocket.close();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function familyOf(topic: string): string {
  const family = topic.split("/")[0] ?? "";
  return (UPLINK_FAMILIES as readonly string[]).includes(family) ? family : "unknown";
}

function mayPublishAnonymously(topic: string): boolean {
  return familyOf(topic) !== "unknown";
}
