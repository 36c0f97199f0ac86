// Resolves a topic id to the registered guard or device it belongs to, and so
// to its tenant (never taken from the payload). Guard and device ids are one
// namespace (mqtt_identities); an id that a guard and a device both hold
// (data from before that rule) resolves as ambiguous and is never routed.
// Entries are cached; changes arrive through NOTIFY (invalidate), and an
// entry past its age is served while it is refreshed in the background, so
// the hot path never waits on a wave of expiries. Misses are cached briefly,
// so a flood from an unknown id does not become a flood of queries. The
// ingestor preloads every identity before it subscribes: a miss is a query the
// MQTT stream waits for (mqtt.js reads the next message only after this one
// is identified), and after a start every id would miss once.
import type { Sql } from "postgres";
import type { DeviceSource, GuardSource, Source } from "./pipeline/types";

/** What a topic id names: its guard or its (not revoked) device, or both (ambiguous). */
type Resolution = { guard: GuardSource | null; device: DeviceSource | null; ambiguous: boolean };

type Entry = { resolution: Resolution; expiresAt: number; refreshing?: boolean };

export type SourceRegistry = {
  resolve: (externalId: string) => Promise<Resolution>;
  /** Caches every registered guard and device (up to the cache's size) in one query. */
  preload: () => Promise<void>;
  invalidate: (externalId?: string) => void;
};

type Row = Source & { revoked: boolean };

const ALL = Symbol("every id");

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
  let changedDuringPreload: Set<string | typeof ALL> | undefined;

  // One round trip for both tables: a device (revoked or not) and a guard with
  // the same id make the id ambiguous, whichever tenants they are in.
  function query(externalId: string | null, limit: number) {
    return sql<Row[]>`
      select * from (
        select 'guard' as kind, false as revoked, tenant_id as "tenantId", external_id as "externalId", name,
               id as "guardId", null::uuid as "deviceId", null::uuid as "siteId", null::json as site
        from guards
        union all
        select 'device', d.revoked_at is not null, d.tenant_id, d.external_id, coalesce(d.name, d.external_id),
               d.guard_id, d.id, d.site_id,
               case when s.id is null then null
                    else json_build_object('armedSchedule', s.armed_schedule, 'timezone', s.timezone) end
        from devices d left join sites s on s.id = d.site_id
      ) identities
      ${externalId === null ? sql`` : sql`where "externalId" = ${externalId}`}
      limit ${limit}`;
  }

  function resolution(rows: Row[]): Resolution {
    let guard: GuardSource | null = null;
    let device: DeviceSource | null = null;
    let revoked = false;
    for (const { revoked: isRevoked, ...source } of rows) {
      if (source.kind === "guard") guard = source;
      else [device, revoked] = [source, isRevoked];
    }
    return { guard, device: revoked ? null : device, ambiguous: guard !== null && device !== null };
  }

  async function load(externalId: string): Promise<Resolution> {
    return resolution(await query(externalId, 2));
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
    async preload() {
      // A change notified while the query runs may not be in its answer: leave that id to a fresh lookup.
      const changed = (changedDuringPreload = new Set());
      const byId = new Map<string, Row[]>();
      for (const row of await query(null, maxEntries))
        byId.set(row.externalId, [...(byId.get(row.externalId) ?? []), row]);
      changedDuringPreload = undefined;
      if (changed.has(ALL)) return;
      for (const [externalId, rows] of byId) if (!changed.has(externalId)) store(externalId, resolution(rows));
    },
    invalidate(externalId) {
      changedDuringPreload?.add(externalId ?? ALL);
      if (externalId === undefined) return cache.clear();
      cache.delete(externalId);
    },
  };
}
