// What the ingest role keeps per tenant between batches (its fences, its open
// tour runs' GPS targets): loaded once for up to ttlMs, shared by concurrent
// batches while loading, dropped by invalidate (a NOTIFY from whoever changed
// it). A failed load is not cached: the next batch tries again.
export type PerTenantCache<T> = {
  forTenants: (tenantIds: string[]) => Promise<Map<string, T>>;
  invalidate: (tenantId: string) => void;
};

export function createPerTenantCache<T>(load: (tenantId: string) => Promise<T>, ttlMs: number): PerTenantCache<T> {
  const cache = new Map<string, { value: Promise<T>; expiresAt: number }>();
  return {
    async forTenants(tenantIds) {
      const now = Date.now();
      const unique = [...new Set(tenantIds)];
      for (const id of unique) {
        if ((cache.get(id)?.expiresAt ?? 0) > now) continue;
        const value = load(id);
        cache.set(id, { value, expiresAt: now + ttlMs });
        value.catch(() => cache.delete(id));
      }
      const loaded = await Promise.all(unique.map(async (id) => [id, await cache.get(id)!.value] as const));
      return new Map(loaded);
    },
    invalidate(tenantId) {
      cache.delete(tenantId);
    },
  };
}
