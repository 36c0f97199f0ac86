// The ingest role: the MQTT hot path (server/ingest/mqtt-ingestor.ts) on this
// process's persistent session, or a shared subscription's member.
import type { EmbeddedBroker } from "../infra/embedded-broker";
import { startIngestor } from "../ingest/mqtt-ingestor";
import { startIngestTrace } from "../ingest/ingest-trace";
import type { LocalIngest } from "../ingest/http/uplink-delivery";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { redactUrl } from "../observability/redact-url";
import type { RoleContext } from "./role-context";

/** Starts the role; what it returns takes the HTTP ingest adapters' fixes in this process. */
export async function startIngestRole(context: RoleContext, broker: EmbeddedBroker | undefined): Promise<LocalIngest> {
  const { env, onStop } = context;
  if (env.INGEST_TRACE_FILE) startIngestTrace({ file: env.INGEST_TRACE_FILE });
  const clientId = `vigil-ingest-${context.instanceId}`;
  const ingestor = await startIngestor({
    sql: context.sql,
    url: context.mqttUrl,
    clientId,
    ...context.mqttLogin,
    sharedGroup: env.MQTT_SHARED_SUBSCRIPTION,
    maxPayloadBytes: env.INGEST_MAX_PAYLOAD_BYTES,
    batchMaxRows: env.INGEST_BATCH_MAX_ROWS,
    batchMaxWaitMs: env.INGEST_BATCH_MAX_WAIT_MS,
    metrics,
    logger: componentLogger("ingest"),
    broadcaster: context.broadcaster,
    liveness: context.deviceLiveness,
  });
  onStop(ingestor.stop);
  // Stops run in reverse, so this runs first: devices are cut off and what
  // the embedded broker already acknowledged to them is committed.
  if (broker) onStop(() => broker.quiesce(clientId));
  context.readiness.broker = async () => (ingestor.connected ? null : `not connected to ${redactUrl(context.mqttUrl)}`);
  return ingestor;
}
