// The ingest role's caches of the registry, alert rules, fences and patrols,
// each emptied when another process announces a change on its channel
// (NOTIFY inside the change's transaction).
import type { Sql } from "postgres";
import type { Metrics } from "../observability/metrics";
import { createDeviceGuards } from "./adapters/device-guards";
import { createGatewaySensors } from "./adapters/gateway-sensors";
import { createSourceRegistry } from "./source-registry";
import { ALERT_RULES_CHANNEL, createTenantRules } from "./tenant-rules";
import { createTenantPatrols, PATROLS_CHANNEL } from "./tenant-patrols";
import { createTenantFenceCache, FENCES_CHANNEL } from "../geofence/tenant-fences";
import { REGISTRY_CHANNEL } from "../services/registry-changed";

export async function createIngestCaches({ sql, metrics }: { sql: Sql; metrics: Metrics }) {
  const invalidated = (cache: "registry" | "rules" | "fences" | "patrols") => metrics.cacheInvalidations.inc({ cache });
  const registry = createSourceRegistry({ sql });
  const deviceGuards = createDeviceGuards({ sql });
  const gatewaySensors = createGatewaySensors({ sql });
  const tenantRules = createTenantRules({ sql });
  const tenantFences = createTenantFenceCache({ sql });
  const tenantPatrols = createTenantPatrols({ sql });
  const listeners = [
    await sql.listen(REGISTRY_CHANNEL, (externalId) => {
      registry.invalidate(externalId);
      deviceGuards.invalidate(externalId);
      gatewaySensors.invalidate(externalId);
      invalidated("registry");
    }),
    await sql.listen(ALERT_RULES_CHANNEL, (tenantId) => {
      tenantRules.invalidate(tenantId);
      invalidated("rules");
    }),
    await sql.listen(FENCES_CHANNEL, (tenantId) => {
      tenantFences.invalidate(tenantId);
      // Assignments say who walks a tour without a guard of its own.
      tenantPatrols.invalidate(tenantId);
      invalidated("fences");
    }),
    await sql.listen(PATROLS_CHANNEL, (tenantId) => {
      tenantPatrols.invalidate(tenantId);
      invalidated("patrols");
    }),
  ];
  return {
    registry,
    deviceGuards,
    gatewaySensors,
    tenantRules,
    tenantFences,
    tenantPatrols,
    async unlisten(): Promise<void> {
      for (const listener of listeners) await listener.unlisten();
    },
  };
}
