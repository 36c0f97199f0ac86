// The ingest pipeline and batch writer of a real ingestor, without its broker
// connection, for integration tests that submit messages as a protocol adapter
// would and watch them stored (or the storage reported down).
import type { Sql } from "postgres";
import { createTenantFenceCache } from "../../server/geofence/tenant-fences";
import { createBatchWriter } from "../../server/ingest/batch-writer";
import { createDecodePayload } from "../../server/ingest/pipeline/decode-payload";
import { createIdentifySource } from "../../server/ingest/pipeline/identify-source";
import { routeTopic } from "../../server/ingest/pipeline/route-topic";
import { createPipeline, type Pipeline } from "../../server/ingest/pipeline/run-pipeline";
import { validatePayload } from "../../server/ingest/pipeline/validate-payload";
import { createSourceRegistry, type SourceRegistry } from "../../server/ingest/source-registry";
import { createTenantPatrols } from "../../server/ingest/tenant-patrols";
import { createTenantRules } from "../../server/ingest/tenant-rules";
import { componentLogger } from "../../server/observability/logger";
import { metrics } from "../../server/observability/metrics";

export function createTestPipeline(
  sql: Sql,
  { name, onStorageDown = () => {} }: { name: string; onStorageDown?: (error: unknown) => void },
): { pipeline: Pipeline; registry: SourceRegistry } {
  const registry = createSourceRegistry({ sql });
  const logger = componentLogger(name);
  const writer = createBatchWriter({
    sql,
    tenantRules: createTenantRules({ sql }),
    tenantFences: createTenantFenceCache({ sql }),
    tenantPatrols: createTenantPatrols({ sql }),
    maxRows: 100,
    maxWaitMs: 0,
    maxBuffered: 1000,
    logger,
    onCommitted: () => {},
    onStorageDown,
  });
  const pipeline = createPipeline({
    stages: {
      route: routeTopic,
      identify: createIdentifySource({ registry }),
      decode: createDecodePayload({ maxPayloadBytes: 65536 }),
      validate: validatePayload,
    },
    writer,
    metrics,
    logger,
  });
  return { pipeline, registry };
}
