// The ingest role: a persistent MQTT session that feeds the pipeline. When
// the database fails, it drops its broker connection (so the broker keeps the
// unacknowledged messages for the session), waits for the database, and
// reconnects to receive them again.
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { Sql } from "postgres";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import type { Broadcaster } from "../realtime/broadcaster";
import { createAdaptedIngest } from "./adapters/adapt-inbound";
import { createAfterCommit } from "./after-commit";
import { createBatchWriter } from "./batch-writer";
import { createIngestCaches } from "./ingest-caches";
import { gatePubacks, type PubackGate } from "./deferred-puback";
import { createDecodePayload } from "./pipeline/decode-payload";
import { createIdentifySource } from "./pipeline/identify-source";
import { routeTopic } from "./pipeline/route-topic";
import { createPipeline } from "./pipeline/run-pipeline";
import { validatePayload } from "./pipeline/validate-payload";
import { createSessionAdoption, DISCONNECT_WITH_WILL, goneWill, type SessionAdoption } from "./session-adoption";
import { reportIdentityCollisions } from "./report-identity-collisions";
import { receiptPayload } from "./persist/receipt";
import { uplinkSubscriptions } from "../contracts/mqtt-topics";
import { ingestTrace } from "./ingest-trace";
import type { LocalIngest } from "./http/uplink-delivery";
import type { DeviceLiveness } from "./device-liveness";

export type IngestorOptions = {
  sql: Sql;
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  sharedGroup?: string;
  maxPayloadBytes: number;
  batchMaxRows: number;
  batchMaxWaitMs: number;
  metrics: Metrics;
  logger: Logger;
  broadcaster: Broadcaster;
  liveness: DeviceLiveness;
};

/** Also the entrances of the HTTP ingest adapters in this process (LocalIngest). */
export type Ingestor = LocalIngest & {
  readonly connected: boolean;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startIngestor(options: IngestorOptions): Promise<Ingestor> {
  const { sql, metrics, logger } = options;
  const caches = await createIngestCaches({ sql, metrics });
  const { registry, deviceGuards, gatewaySensors, tenantRules, tenantFences, tenantPatrols } = caches;
  await reportIdentityCollisions({ sql, logger });
  await registry.preload();
  let client: MqttClient | undefined;
  let gate: PubackGate | undefined;
  let stopping = false;
  let recovering = false;

  const writer = createBatchWriter({
    sql,
    tenantRules,
    tenantFences,
    tenantPatrols,
    maxRows: options.batchMaxRows,
    maxWaitMs: options.batchMaxWaitMs,
    maxBuffered: options.batchMaxRows * 40,
    logger,
    onCommitted: createAfterCommit({
      metrics,
      broadcaster: options.broadcaster,
      // Alarm and scan receipts (design section 2): devices resend until they get one.
      publishReceipt: (receipt) => client?.publish(receipt.topic, receiptPayload(receipt), { qos: 1 }),
    }),
    onStorageDown: () => void recover(),
  });
  const pipeline = createPipeline({
    // Identify runs before decode (design section 2 has it after validate) so
    // that a malformed message from a known device is quarantined under its
    // tenant and device, where that tenant's admins can see it.
    stages: ingestTrace.stages({
      route: routeTopic,
      identify: createIdentifySource({ registry }),
      decode: createDecodePayload({ maxPayloadBytes: options.maxPayloadBytes }),
      validate: validatePayload,
    }),
    writer,
    metrics,
    logger,
  });
  // Protocol adapters (OwnTracks, Zigbee2MQTT) turn their messages into native uplinks for the same pipeline.
  const { ingest, ownTracks } = createAdaptedIngest({
    pipeline,
    deviceGuards,
    gatewaySensors,
    registry,
    sql,
    broadcaster: options.broadcaster,
    metrics,
    logger,
    maxPayloadBytes: options.maxPayloadBytes,
    liveness: options.liveness,
  });

  const topics = uplinkSubscriptions().map((t) => (options.sharedGroup ? `$share/${options.sharedGroup}/${t}` : t));

  const sharedGroup = options.protocolVersion === 5 ? options.sharedGroup : undefined;
  const login = options.username ? { username: options.username, password: options.password ?? "" } : {};

  /** One persistent session feeding the pipeline: this process's own, or an adopted one (no reconnect). */
  function openSession(clientId: string, { adopting }: { adopting: boolean }): { c: MqttClient; g: PubackGate } {
    const connectOptions: IClientOptions = {
      clientId,
      clean: false,
      protocolVersion: options.protocolVersion,
      reconnectPeriod: adopting ? 0 : 1000,
      // mqtt.js gives up for good after a refused CONNECT otherwise (a broker restarting its auth, a client id
      // briefly taken): ingestion would stay stopped until the process restarts.
      reconnectOnConnackError: !adopting,
      connectTimeout: 10_000,
      ...login,
      ...(options.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 3600, receiveMaximum: 65535 } } : {}),
      ...(sharedGroup ? { will: goneWill(clientId) } : {}),
    };
    const c = mqtt.connect(options.url, connectOptions);
    const g = gatePubacks(c);

    c.handleMessage = (packet, callback) => {
      if (stopping) {
        // Shutting down: never acknowledge, so the broker redelivers it to the next session.
        if (packet.qos > 0 && packet.messageId !== undefined) g.hold(packet.messageId);
        return callback();
      }
      const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
      const settle = packet.qos > 0 && packet.messageId !== undefined ? g.hold(packet.messageId) : () => {};
      ingest({ topic: packet.topic, payload, qos: packet.qos, arrivedAt: performance.now(), settle }).then(
        () => callback(),
        (error: unknown) => {
          logger.error({ err: error }, "ingest pipeline failed");
          callback();
        },
      );
    };
    c.on("close", () => g.reset());
    c.on("error", (error) => logger.warn({ err: error, client_id: clientId }, "mqtt connection error"));
    return { c, g };
  }

  /** On a shared subscription, the sessions of gone ingest processes this one takes over (session-adoption.ts). */
  const adoption: SessionAdoption | undefined = sharedGroup
    ? createSessionAdoption({
        url: options.url,
        clientId: options.clientId,
        login,
        group: sharedGroup,
        logger,
        openSession: (clientId) => openSession(clientId, { adopting: true }).c,
        mayAdopt: () => !recovering,
      })
    : undefined;

  function connect(): Promise<void> {
    const { c, g } = openSession(options.clientId, { adopting: false });
    client = c;
    gate = g;
    adoption?.watch();
    c.on("connect", (connack) => {
      metrics.mqttConnected.set(1);
      logger.info({ session_present: connack.sessionPresent }, "ingestor connected");
      c.subscribe(topics, { qos: 1 }, (error) => {
        if (error) logger.error({ err: error }, "subscribe failed");
      });
    });
    c.on("close", () => metrics.mqttConnected.set(0));

    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`could not connect to the MQTT broker at ${options.url}`)),
        15_000,
      );
      c.once("connect", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async function recover(): Promise<void> {
    if (recovering || stopping) return;
    recovering = true;
    try {
      logger.warn("database unavailable: dropping the broker connection until it is back");
      // Never wait on the MQTT client for long, nor let it throw: recovery must always reach the reconnect.
      const endOwn = new Promise<void>((resolve) => {
        try {
          if (client) client.end(true, {}, () => resolve());
          else resolve();
        } catch (error) {
          logger.warn({ err: error }, "closing the broker connection failed");
          resolve();
        }
      });
      const endAdoption = adoption
        ? [adoption.stopWatching({ force: true }), ...adoption.endAdopted({ force: true })]
        : [];
      await Promise.race([Promise.all([endOwn, ...endAdoption]), sleep(2000)]);
      writer.discard();
      while (!stopping) {
        try {
          await sql`select 1`;
          break;
        } catch {
          await sleep(1000);
        }
      }
    } finally {
      recovering = false;
    }
    if (!stopping) {
      logger.info("database back: reconnecting to the broker");
      await connect().catch((error: unknown) => logger.error({ err: error }, "reconnect failed"));
    }
  }

  await connect();

  return {
    get connected() {
      return client?.connected ?? false;
    },
    get accepting() {
      return !recovering && !stopping;
    },
    ingest,
    ownTracks,
    async stop() {
      stopping = true;
      // New messages are left unacknowledged (see handleMessage); what is
      // buffered is committed and acknowledged before disconnecting. The
      // subscriptions stay in the persistent session. On a shared
      // subscription, the will hands this session (and those it adopted) to a
      // survivor until this process is back.
      await adoption?.stopWatching({ force: false });
      await writer.drain();
      const disconnect = sharedGroup ? { reasonCode: DISCONNECT_WITH_WILL } : {};
      await Promise.all([
        ...(adoption?.endAdopted({ force: false }) ?? []),
        new Promise<void>((resolve) => client?.end(false, disconnect, () => resolve()) ?? resolve()),
      ]);
      await caches.unlisten();
      metrics.mqttConnected.set(0);
      logger.info({ held_pubacks: gate?.held ?? 0 }, "ingestor stopped");
    },
  };
}
