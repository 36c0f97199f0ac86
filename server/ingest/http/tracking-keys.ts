// Devices by tracking key (the OsmAnd protocol's only credential): one
// indexed lookup of the key's SHA-256, cached for a few seconds so that a
// phone posting every second costs no query, and a rotated or revoked key
// stops working within that time. Unknown keys are cached too, briefly, so a
// flood of guesses costs no queries either.
import type { Sql } from "postgres";
import { hashDeviceSecret } from "../../auth/device-secret";

export type TrackedDevice = { tenantId: string; deviceId: string; externalId: string; guardExternalId: string | null };

export type TrackingKeys = { deviceOf: (trackingKey: string) => Promise<TrackedDevice | null> };

type Entry = { device: TrackedDevice | null; expiresAt: number };

export function createTrackingKeys({
  sql,
  ttlMs = 5_000,
  maxEntries = 100_000,
}: {
  sql: Sql;
  ttlMs?: number;
  maxEntries?: number;
}): TrackingKeys {
  const cache = new Map<string, Entry>();
  return {
    async deviceOf(trackingKey) {
      const hash = hashDeviceSecret(trackingKey);
      const hit = cache.get(hash);
      if (hit && hit.expiresAt > Date.now()) return hit.device;
      // Its guard counts only within the device's own tenant, as for the broker's ACL.
      const [row] = await sql<TrackedDevice[]>`
        select d.tenant_id as "tenantId", d.id as "deviceId", d.external_id as "externalId",
               g.external_id as "guardExternalId"
        from devices d left join guards g on g.id = d.guard_id and g.tenant_id = d.tenant_id
        where d.tracking_key_hash = ${hash} and d.revoked_at is null`;
      if (cache.size >= maxEntries) cache.clear();
      cache.set(hash, { device: row ?? null, expiresAt: Date.now() + ttlMs });
      return row ?? null;
    },
  };
}
