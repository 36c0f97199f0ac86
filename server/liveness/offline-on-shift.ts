// A guard's phone that went offline while its guard was off shift raised no
// alert then (offline_off_shift). If it is still offline when one of the
// guard's shifts begins, that is worth an alarm: the guard is on duty and
// unreachable. Each such spell alarms once: the flag is cleared here, and by
// liveness when the phone reports again.
import type { TransactionSql } from "postgres";
import type { AlertSeverity } from "../contracts/socket-events";
import { isOnShift } from "../lib/on-shift";
import type { AlertCandidate } from "../services/alerts/alert-candidate";
import { loadShiftPlans } from "../services/guards/load-shift-plans";

type Held = {
  deviceId: string;
  tenantId: string;
  guardId: string;
  siteId: string | null;
  externalId: string;
  name: string;
  offlineSince: Date;
  lastSeenAt: Date | null;
  rules: { severities?: Record<string, AlertSeverity>; disabled?: string[] } | null;
};

export async function findOfflineOnShift(tx: TransactionSql, now: Date): Promise<AlertCandidate[]> {
  const held = await tx<Held[]>`
    select d.id as "deviceId", d.tenant_id as "tenantId", d.guard_id as "guardId", d.site_id as "siteId",
           d.external_id as "externalId", coalesce(d.name, d.external_id) as name,
           d.offline_since as "offlineSince", d.last_seen_at as "lastSeenAt", r.rules
    from devices d left join alert_rule_settings r on r.tenant_id = d.tenant_id
    where d.offline_off_shift and d.offline_since is not null and d.revoked_at is null and d.guard_id is not null`;
  if (held.length === 0) return [];
  const plans = await loadShiftPlans(
    tx,
    held.map((d) => d.guardId),
  );
  const due = held.filter((d) => isOnShift(plans.get(d.guardId) ?? [], now));
  if (due.length === 0) return [];
  await tx`update devices set offline_off_shift = false where id = any(${due.map((d) => d.deviceId)}::uuid[])`;
  return due
    .filter((d) => !d.rules?.disabled?.includes("offline"))
    .map((d) => ({
      tenantId: d.tenantId,
      subject: { deviceId: d.deviceId, guardId: d.guardId, externalId: d.externalId, name: d.name },
      siteId: d.siteId,
      type: "offline",
      severity: d.rules?.severities?.offline ?? "high",
      message: `${d.name} is offline as its guard's shift begins (${silence(d, now)})`,
      location: null,
      at: now,
      extra: null,
    }));
}

function silence(d: Held, now: Date): string {
  if (d.lastSeenAt === null) return "never reported";
  const minutes = Math.round((now.getTime() - d.lastSeenAt.getTime()) / 60_000);
  return `last reported ${minutes} min ago`;
}
