// Each tenant's alert rules for the ingest batch, cached; a change made
// through the API is announced with NOTIFY and dropped from every cache.
import type { Sql } from "postgres";
import { alertRulesInput, DEFAULT_ALERT_RULES, type AlertRules } from "../contracts/alert-rules";

export { ALERT_RULES_CHANNEL } from "../contracts/alert-rules";

export type TenantRules = {
  forTenants: (tenantIds: string[]) => Promise<Map<string, AlertRules>>;
  invalidate: (tenantId: string) => void;
};

export function createTenantRules({ sql, ttlMs = 60_000 }: { sql: Sql; ttlMs?: number }): TenantRules {
  const cache = new Map<string, { rules: AlertRules; expiresAt: number }>();
  return {
    async forTenants(tenantIds) {
      const now = Date.now();
      const missing = [...new Set(tenantIds)].filter((id) => (cache.get(id)?.expiresAt ?? 0) <= now);
      if (missing.length > 0) {
        const rows = await sql<{ tenantId: string; rules: unknown }[]>`
          select tenant_id as "tenantId", rules from alert_rule_settings where tenant_id = any(${missing}::uuid[])`;
        const found = new Map(rows.map((r) => [r.tenantId, r.rules]));
        for (const id of missing) {
          const parsed = alertRulesInput.safeParse(found.get(id) ?? {});
          cache.set(id, { rules: parsed.success ? parsed.data : DEFAULT_ALERT_RULES, expiresAt: now + ttlMs });
        }
      }
      return new Map(tenantIds.map((id) => [id, cache.get(id)?.rules ?? DEFAULT_ALERT_RULES]));
    },
    invalidate(tenantId) {
      cache.delete(tenantId);
    },
  };
}
