// Resolves a topic id to the registered guard or device it belongs to, and so
// to its tenant (never taken from the payload). Entries are cached; changes
// arrive through NOTIFY (invalidate), and an entry past its age is served
// while it is refreshed in the background, so the hot path never waits on a
// wave of expiries. Misses are cached briefly, so a flood from an unknown id
// does not become a flood of queries.
import type { Sql } from "postgres";
import type { Source } from "./pipeline/types";

export type SourceKind = "guard" | "device";

type Entry = { source: Source | null; expiresAt: number; refreshing?: boolean };

export type SourceRegistry = {
  lookup: (kind: SourceKind, externalId: string) => Promise<Source | null>;
  invalidate: (externalId?: string) => void;
};

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

  async function load(kind: SourceKind, externalId: string): Promise<Source | null> {
    if (kind === "guard") {
      const [row] = await sql<Source[]>`
        select tenant_id as "tenantId", external_id as "externalId", name, id as "guardId",
               null::uuid as "deviceId", null::uuid as "siteId", null as site
        from guards where external_id = ${externalId}`;
      return row ?? null;
    }
    const [row] = await sql<Source[]>`
      select d.tenant_id as "tenantId", d.external_id as "externalId", coalesce(d.name, d.external_id) as name,
             d.guard_id as "guardId", d.id as "deviceId", d.site_id as "siteId",
             case when s.id is null then null
                  else json_build_object('armedSchedule', s.armed_schedule, 'timezone', s.timezone) end as site
      from devices d left join sites s on s.id = d.site_id
      where d.external_id = ${externalId} and d.revoked_at is null`;
    return row ?? null;
  }

  function store(key: string, source: Source | null): void {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, { source, expiresAt: Date.now() + (source ? ttlMs : missTtlMs) });
  }

  return {
    async lookup(kind, externalId) {
      const key = `${kind}:${externalId}`;
      const hit = cache.get(key);
      if (hit && hit.expiresAt > Date.now()) return hit.source;
      if (hit?.source) {
        // Stale but known: answer now, refresh once in the background.
        if (!hit.refreshing) {
          hit.refreshing = true;
          load(kind, externalId).then(
            (source) => store(key, source),
            () => (hit.refreshing = false),
          );
        }
        return hit.source;
      }
      const source = await load(kind, externalId);
      store(key, source);
      return source;
    },
    invalidate(externalId) {
      if (externalId === undefined) return cache.clear();
      cache.delete(`guard:${externalId}`);
      cache.delete(`device:${externalId}`);
    },
  };
}
