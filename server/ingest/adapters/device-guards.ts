// The guard of a device, by the device's external id, for adapters whose
// login is the device but whose fixes move its guard (OwnTracks). Cached like
// the source registry and dropped on the same registry notification; a miss
// is cached too, briefly, so a flood from an unknown login costs no queries.
import type { Sql } from "postgres";

export type DeviceGuards = {
  guardOf: (deviceExternalId: string) => Promise<string | null>;
  invalidate: (externalId: string) => void;
};

type Entry = { guard: string | null; expiresAt: number };

export function createDeviceGuards({
  sql,
  ttlMs = 5 * 60_000,
  missTtlMs = 5_000,
  maxEntries = 100_000,
}: {
  sql: Sql;
  ttlMs?: number;
  missTtlMs?: number;
  maxEntries?: number;
}): DeviceGuards {
  const cache = new Map<string, Entry>();
  return {
    async guardOf(deviceExternalId) {
      const hit = cache.get(deviceExternalId);
      if (hit && hit.expiresAt > Date.now()) return hit.guard;
      // Its guard counts only within the device's own tenant, as for the broker's ACL (embedded-broker.ts).
      const [row] = await sql<{ guard: string }[]>`
        select g.external_id as guard
        from devices d join guards g on g.id = d.guard_id and g.tenant_id = d.tenant_id
        where d.external_id = ${deviceExternalId} and d.revoked_at is null`;
      const guard = row?.guard ?? null;
      if (cache.size >= maxEntries) cache.clear();
      cache.set(deviceExternalId, { guard, expiresAt: Date.now() + (guard ? ttlMs : missTtlMs) });
      return guard;
    },
    invalidate(externalId) {
      // A notification names a guard or a device: a guard's change may concern any device.
      if (!cache.delete(externalId)) cache.clear();
    },
  };
}
