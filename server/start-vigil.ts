// Starts a whole Vigil process from a parsed config: what is missing
// (embedded PostgreSQL, embedded broker), migrations, the first admin, then
// the roles in VIGIL_ROLES. Returns one idempotent stop().
import os from "node:os";
import path from "node:path";
import { createDb, createSql } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import type { Env } from "./env";
import { announceAdminPassword } from "./infra/announce-admin-password";
import { loadDataDirSecrets } from "./infra/data-dir-secrets";
import { dependencyPatchProblems } from "./infra/dependency-patches";
import { startEmbeddedBroker, type EmbeddedBroker } from "./infra/embedded-broker";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./infra/embedded-postgres";
import { createMqttPublisher } from "./infra/mqtt-publisher";
import { assertPortFree } from "./infra/port-check";
import { componentLogger } from "./observability/logger";
import { startDbGaugeSampler } from "./observability/db-gauges";
import { metrics } from "./observability/metrics";
import { redactUrl } from "./observability/redact-url";
import { opsChecks } from "./observability/ops-checks";
import type { Broadcaster } from "./realtime/broadcaster";
import { createPostgresAdapter, createPubSubPool } from "./realtime/postgres-pubsub";
import { createRelayBroadcaster } from "./realtime/relay-broadcaster";
import { compileProxyTrust } from "./http/proxied-request";
import { sessionCookieName } from "./auth/session-cookie";
import { startOpsServer } from "./roles/start-ops-server";
import { startIngestRole } from "./roles/start-ingest";
import type { MqttLogin, RoleContext } from "./roles/role-context";
import { startWorkerRole } from "./roles/start-worker";
import { startWeb, type Web } from "./roles/start-web";
import { createIngestHttp } from "./ingest/http/ingest-http";
import { createUplinkDelivery, type LocalIngest } from "./ingest/http/uplink-delivery";
import { createDeviceLiveness } from "./ingest/device-liveness";
import { createOwnTracksCommandClaims } from "./ingest/http/owntracks-command-claims";
import { setRuntime } from "./runtime";
import type { ReadinessCheck } from "./observability/readiness-check";
import { bootstrapTenant } from "./services/tenants/bootstrap-tenant";

export type Vigil = { url: string; mqttUrl: string; databaseUrl: string; stop: () => Promise<void> };

const logger = componentLogger("main");

export async function startVigil(env: Env, { projectDir = process.cwd() } = {}): Promise<Vigil> {
  const patchProblems = dependencyPatchProblems(projectDir);
  if (patchProblems.length > 0)
    throw new Error(`dependencies are not as Vigil needs them:\n  - ${patchProblems.join("\n  - ")}`);
  const roles = new Set(env.VIGIL_ROLES);
  const dataDir = path.resolve(projectDir, env.VIGIL_DATA_DIR);
  const secrets = loadDataDirSecrets(dataDir);
  if (roles.has("web")) await assertPortFree(env.PORT, env.HOST, "PORT");
  const opsPort = env.METRICS_PORT;
  if (opsPort !== undefined && roles.has("web") && opsPort === env.PORT) {
    throw new Error(`METRICS_PORT and PORT are both ${opsPort}: give the metrics server a port of its own`);
  }
  if (opsPort !== undefined) await assertPortFree(opsPort, env.HOST, "METRICS_PORT");
  if (!env.MQTT_URL) await assertPortFree(env.MQTT_PORT, env.HOST, "MQTT_PORT");
  if (!env.DATABASE_URL) await assertPortFree(env.EMBEDDED_PG_PORT, "127.0.0.1", "EMBEDDED_PG_PORT");

  const stops: (() => Promise<unknown>)[] = [];
  const stop = once(async () => {
    logger.info("shutting down");
    for (const step of stops.reverse()) {
      await step().catch((error: unknown) => logger.error({ err: error }, "shutdown step failed"));
    }
    logger.info("stopped");
  });

  try {
    let embeddedDb: EmbeddedDatabase | undefined;
    if (!env.DATABASE_URL) {
      embeddedDb = await startEmbeddedPostgres({
        dataDir,
        port: env.EMBEDDED_PG_PORT,
        password: secrets.postgresPassword,
        logger: componentLogger("postgres"),
      });
      stops.push(embeddedDb.stop);
    }
    const databaseUrl = env.DATABASE_URL ?? embeddedDb!.url;
    await migrateDatabase(databaseUrl);
    const sql = createSql(databaseUrl, { max: 10 });
    stops.push(() => sql.end({ timeout: 5 }));
    const { db, close } = createDb(databaseUrl, { max: 10 });
    stops.push(close);

    const admin = await bootstrapTenant(db, { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD });
    if (admin.created && admin.generatedPassword) {
      // Shown once, on the first start only; not stored anywhere in clear but the owner-only file off a terminal.
      announceAdminPassword({
        email: admin.email,
        password: admin.generatedPassword,
        dataDir,
        interactive: Boolean(process.stdout.isTTY) && !env.INVOCATION_ID,
        print: (text) => console.log(text),
      });
    }

    let broker: EmbeddedBroker | undefined;
    if (!env.MQTT_URL) {
      broker = await startEmbeddedBroker({
        host: env.HOST,
        port: env.MQTT_PORT,
        sql,
        allowAnonymous: env.MQTT_ALLOW_ANONYMOUS,
        connectTimeoutMs: env.MQTT_CONNECT_TIMEOUT_MS,
        maxPendingPerAddress: env.MQTT_MAX_PENDING_PER_ADDRESS,
        publishRate: { ratePerSecond: env.MQTT_PUBLISH_RATE_PER_CLIENT, burst: env.MQTT_PUBLISH_BURST_PER_CLIENT },
        maxPayloadBytes: env.INGEST_MAX_PAYLOAD_BYTES,
        logger: componentLogger("broker"),
        onRejected: ({ family, reason }) => {
          metrics.mqttMessages.inc({ family, result: reason });
          metrics.quarantined.inc({ reason });
        },
        onConnectionRefused: (reason) => metrics.mqttConnectionsRefused.inc({ reason }),
        onThrottled: (family) => metrics.mqttPublishesThrottled.inc({ family }),
      });
      stops.push(broker.stop);
    }
    const mqttUrl = env.MQTT_URL ?? broker!.url;

    // Realtime events cross processes through this database (postgres-pubsub.ts).
    const realtimeLogger = componentLogger("realtime");
    const pubSubPool = createPubSubPool(databaseUrl, realtimeLogger);
    // end() waits for every client to be released; the adapter may still hold its
    // LISTEN client when it was reconnecting as it closed, so the wait is bounded.
    stops.push(() => Promise.race([pubSubPool.end(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]));

    const readiness: Record<string, ReadinessCheck> = {
      database: async () => (await sql`select 1`, null),
      ...opsChecks(sql, env, dataDir),
    };
    const instanceId = env.VIGIL_INSTANCE_ID ?? `${os.hostname()}-${env.PORT}`;
    const mqttLogin: MqttLogin = env.MQTT_URL
      ? { username: env.MQTT_USERNAME, password: env.MQTT_PASSWORD, protocolVersion: 5 }
      : { username: broker!.service.username, password: broker!.service.password, protocolVersion: 4 };
    const deviceLiveness = createDeviceLiveness({ sql, logger: componentLogger("liveness") });
    stops.push(deviceLiveness.stop);
    let web: Web | undefined;
    let localIngest: LocalIngest | undefined;
    if (roles.has("web")) {
      // HTTP ingest adapters hand what devices post to this process's ingest role, or else publish it on the
      // devices' own topics for the ingest role elsewhere (uplink-delivery.ts).
      const ingestPublisher = createMqttPublisher({
        url: mqttUrl,
        clientId: `vigil-http-ingest-${instanceId}`,
        ...mqttLogin,
        logger: componentLogger("http-ingest"),
      });
      stops.push(ingestPublisher.close);
      const ownTracksCommands = await createOwnTracksCommandClaims({ sql, logger: componentLogger("http-ingest") });
      stops.push(ownTracksCommands.stop);
      web = await startWeb({
        dev: env.VIGIL_DEV_SERVER,
        dir: projectDir,
        host: env.HOST,
        port: env.PORT,
        db,
        logger: componentLogger("web"),
        metrics,
        readiness: () => readiness,
        socketAdapter: createPostgresAdapter(pubSubPool, realtimeLogger),
        tileUrl: env.MAP_TILE_URL,
        proxyTrust: compileProxyTrust(env.TRUSTED_PROXIES),
        maxBodyBytes: env.HTTP_MAX_BODY_BYTES,
        opsOnWebPort: env.OPS_ON_WEB_PORT,
        hsts: env.NODE_ENV === "production",
        cookieName: sessionCookieName(env),
        publicUrl: env.PUBLIC_URL,
        mqttUpgrade: broker?.webSocket.upgrade,
        ingestHttp: createIngestHttp({
          sql,
          delivery: createUplinkDelivery({ publisher: ingestPublisher, localIngest: () => localIngest }),
          liveness: deviceLiveness,
          commands: ownTracksCommands,
          logger: componentLogger("http-ingest"),
          maxBodyBytes: env.INGEST_MAX_PAYLOAD_BYTES,
        }),
      });
      stops.push(web.stop);
    }
    let broadcaster: Broadcaster;
    if (web) {
      broadcaster = web.broadcaster;
    } else {
      // No browsers here: ingest and worker events reach them through the web processes.
      const relay = createRelayBroadcaster({ pool: pubSubPool, db, logger: realtimeLogger, metrics });
      stops.push(relay.close);
      broadcaster = relay;
    }
    const linkSecret = env.SESSION_SECRET ?? secrets.sessionSecret;
    setRuntime({ env, sql, db, broadcaster, linkSecret, readiness });

    const context: RoleContext = {
      env,
      sql,
      databaseUrl,
      mqttUrl,
      mqttLogin,
      broadcaster,
      instanceId,
      linkSecret,
      readiness,
      deviceLiveness,
      onStop: (step) => stops.push(step),
    };
    if (roles.has("worker")) await startWorkerRole(context);
    if (roles.has("ingest")) localIngest = await startIngestRole(context, broker);

    if (web || opsPort !== undefined) {
      // Only processes serving /metrics need the gauges read from the database.
      const sampler = await startDbGaugeSampler({ sql, metrics, logger: componentLogger("db-gauges") });
      stops.push(sampler.stop);
    }
    if (web) await web.listen();
    if (opsPort !== undefined) {
      const ops = await startOpsServer({
        host: env.HOST,
        port: opsPort,
        logger: componentLogger("ops"),
        readiness: () => readiness,
      });
      stops.push(ops.stop);
    }
    const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    logger.info({ url, mqtt: redactUrl(mqttUrl), roles: [...roles] }, "Vigil is ready");
    return { url, mqttUrl, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
