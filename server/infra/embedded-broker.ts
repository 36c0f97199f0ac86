// The embedded MQTT broker (aedes), used when MQTT_URL is not set. Devices
// log in with their external id and the secret issued at registration; the
// ingestor logs in with a service account generated at each start.
import { randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import { Aedes, type AuthenticateError, type Client } from "aedes";
import type { Sql } from "postgres";
import { isValidClientId, mayPublish, maySubscribe, type DeviceIdentity } from "../ingest/device-acl";
import type { Logger } from "../observability/logger";
import { deviceSecretMatches } from "../services/devices/device-secret";

type Identity = { kind: "service" } | { kind: "anonymous" } | ({ kind: "device" } & DeviceIdentity);

export type EmbeddedBroker = {
  url: string;
  service: { username: string; password: string };
  stop: () => Promise<void>;
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// CONNACK return codes (MQTT 3.1.1): 2 identifier rejected, 3 server unavailable, 4 bad credentials.
function authError(returnCode: 2 | 3 | 4, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as unknown as AuthenticateError;
}

export async function startEmbeddedBroker({
  host,
  port,
  sql,
  allowAnonymous,
  logger,
}: {
  host: string;
  port: number;
  sql: Sql;
  allowAnonymous: boolean;
  logger: Logger;
}): Promise<EmbeddedBroker> {
  const service = { username: "vigil-service", password: randomBytes(24).toString("base64url") };
  const identities = new WeakMap<Client, Identity>();

  async function identify(username: string | undefined, password: Buffer | undefined): Promise<Identity | null> {
    if (username === undefined) return allowAnonymous ? { kind: "anonymous" } : null;
    const secret = password?.toString("utf8") ?? "";
    if (username === service.username) return sameSecret(secret, service.password) ? { kind: "service" } : null;
    const [device] = await sql<{ secretHash: string; guardExternalId: string | null }[]>`
      select d.secret_hash as "secretHash", g.external_id as "guardExternalId"
      from devices d left join guards g on g.id = d.guard_id
      where d.external_id = ${username} and d.revoked_at is null`;
    if (!device || !deviceSecretMatches(secret, device.secretHash)) return null;
    return { kind: "device", externalId: username, guardExternalId: device.guardExternalId };
  }

  const broker = await Aedes.createBroker({ maxClientsIdLength: 128, drainTimeout: 30_000, maxTopicLevels: 16 });
  broker.authenticate = (client, username, password, callback) => {
    if (!isValidClientId(client.id)) return callback(authError(2, "client id not allowed"), false);
    identify(username, password).then(
      (identity) => {
        if (!identity) return callback(authError(4, "bad username or password"), false);
        identities.set(client, identity);
        callback(null, true);
      },
      (error: unknown) => {
        logger.error({ err: error }, "broker authentication failed");
        callback(authError(3, "server unavailable"), false);
      },
    );
  };
  broker.authorizePublish = (client, packet, callback) => {
    const identity = client ? identities.get(client) : undefined;
    const topic = packet.topic;
    if (topic.startsWith("$")) return callback(new Error("reserved topic"));
    if (identity?.kind === "service") return callback(null);
    if (packet.retain) return callback(new Error("devices may not publish retained messages"));
    const allowed =
      identity?.kind === "device"
        ? mayPublish(identity, topic)
        : identity?.kind === "anonymous" && mayPublishAnonymously(topic);
    if (!allowed) logger.warn({ client_id: client?.id, topic: topic.slice(0, 200) }, "publish refused");
    callback(allowed ? null : new Error("topic not allowed"));
  };
  broker.authorizeSubscribe = (client, subscription, callback) => {
    const identity = identities.get(client);
    const topic = subscription.topic;
    const allowed =
      identity?.kind === "service"
        ? !topic.startsWith("$SYS")
        : identity?.kind === "device" && maySubscribe(identity, topic);
    callback(allowed ? null : new Error("subscription not allowed"), allowed ? subscription : null);
  };
  broker.on("clientError", (client, error) =>
    logger.debug({ client_id: client.id, err: error.message }, "mqtt client error"),
  );
  broker.on("connectionError", (_client, error) => logger.debug({ err: error.message }, "mqtt connection error"));

  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  logger.info({ port: address.port }, "embedded MQTT broker listening");

  return {
    url: `mqtt://127.0.0.1:${address.port}`,
    service,
    async stop() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function mayPublishAnonymously(topic: string): boolean {
  const family = topic.split("/")[0];
  return ["device", "guard", "sensor", "alert", "system"].includes(family ?? "");
}
