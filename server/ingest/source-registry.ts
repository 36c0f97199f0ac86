// Resolves a topic id to the registered guard or device it belongs to, and so
// to its tenant (never taken from the payload). Cached, including misses, so
// a flood from an unknown id does not become a flood of queries.
import type { Sql } from "postgres";
import type { Source } from "./pipeline/types";

export type SourceKind = "guard" | "device";

type Entry = { source: Source | null; expiresAt: number };

export type SourceRegistry = {
  lookup: (kind: SourceKind, externalId: string) => Promise<Source | null>;
  invalidate: (externalId?: string) => void;
};

export function createSourceRegistry({
  sql,
  ttlMs = 30_000,
  missTtlMs = 5_000,
  maxEntries = 200_000,
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
               null::uuid as "deviceId", null::uuid as "siteId"
        from guards where external_id = ${externalId}`;
      return row ?? null;
    }
    const [row] = await sql<Source[]>`
      select tenant_id as "tenantId", external_id as "externalId", coalesce(name, external_id) as name,
             guard_id as "guardId", id as "deviceId", site_id as "siteId"
      from devices where external_id = ${externalId} and revoked_at is null`;
    return row ?? null;
  }

  return {
    async lookup(kind, externalId) {
      const key = `${kind}:${externalId}`;
      const now = Date.now();
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now) return hit.source;
      const source = await load(kind, externalId);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, { source, expiresAt: now + (source ? ttlMs : missTtlMs) });
      return source;
    },
    invalidate(externalId) {
      if (externalId === undefined) return cache.clear();
      cache.delete(`guard:${externalId}`);
      cache.delete(`device:${externalId}`);
    },
  };
}
