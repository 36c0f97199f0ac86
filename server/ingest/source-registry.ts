// Resolves a topic id to the registered guard or device it belongs to, and so
// to its tenant (never taken from the payload). Guard and device ids are one
// namespace (mqtt_identities); an id that a guard and a device both hold
// (data from before that rule) resolves as ambiguous and is never routed.
// Entries are cached; changes arrive through NOTIFY (invalidate), and an
// entry past its age is served while it is refreshed in the background, so
// the hot path never waits on a wave of expiries. Misses are cached briefly,
// so a flood from an unknown id does not become a flood of queries.
import type { Sql } from "postgres";
import type { DeviceSource, GuardSource, Source } from "./pipeline/types";

/** What a topic id names: its guard or its (not revoked) device, or both (ambiguous). */
type Resolution = { guard: GuardSource | null; device: DeviceSource | null; ambiguous: boolean };

type Entry = { resolution: Resolution; expiresAt: number; refreshing?: boolean };

export type SourceRegistry = {
  resolve: (externalId: string) => Promise<Resolution>;
  invalidate: (externalId?: string) => void;
};

type Row = Source & { revoked: boolean };

export function createSourceRegistry({
  sql,
  ttlMs = 5 * 60_000,
  missTtlMs = 5_000,
  maxEntries = 500_000,
}: {
  sql: Sql;
  ttlMs?: number;
  missTtlMs?: number;
  maxEntries?: number;
}): SourceRegistry {
  const cache = new Map<string, Entry>();

  // One round trip for both tables: a device (revoked or not) and a guard with
  // the same id make the id ambiguous, whichever tenants they are in.
  async function load(externalId: string): Promise<Resolution> {
    const rows = await sql<Row[]>`
      select 'guard' as kind, false as revoked, tenant_id as "tenantId", external_id as "externalId", name,
             id as "guardId", null::uuid as "deviceId", null::uuid as "siteId", null::json as site
      from guards where external_id = ${externalId}
      union all
      select 'device', d.revoked_at is not null, d.tenant_id, d.external_id, coalesce(d.name, d.external_id),
             d.guard_id, d.id, d.site_id,
             case when s.id is null then null
                  else json_build_object('armedSchedule', s.armed_schedule, 'timezone', s.timezone) end
      from devices d left join sites s on s.id = d.site_id
      where d.external_id = ${externalId}`;
    let guard: GuardSource | null = null;
    let device: DeviceSource | null = null;
    let revoked = false;
    for (const { revoked: isRevoked, ...source } of rows) {
      if (source.kind === "guard") guard = source;
      else [device, revoked] = [source, isRevoked];
    }
    return { guard, device: revoked ? null : device, ambiguous: guard !== null && device !== null };
  }

  const isKnown = (r: Resolution) => r.guard !== null || r.device !== null || r.ambiguous;

  function store(key: string, resolution: Resolution): void {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, { resolution, expiresAt: Date.now() + (isKnown(resolution) ? ttlMs : missTtlMs) });
  }

  return {
    async resolve(externalId) {
      const hit = cache.get(externalId);
      if (hit && hit.expiresAt > Date.now()) return hit.resolution;
      if (hit && isKnown(hit.resolution)) {
        // Stale but known: answer now, refresh once in the background.
        if (!hit.refreshing) {
          hit.refreshing = true;
          load(externalId).then(
            (fresh) => store(externalId, fresh),
            () => (hit.refreshing = false),
          );
        }
        return hit.resolution;
      }
      const resolution = await load(externalId);
      store(externalId, resolution);
      return resolution;
    },
    invalidate(externalId) {
      if (externalId === undefined) return cache.clear();
      cache.delete(externalId);
    },
  };
}
