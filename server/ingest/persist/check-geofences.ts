// The geofence step of an ingest batch. Each guard's persisted state machine
// (server/geofence/evaluate-fix.ts) sees the batch's fixes oldest first
// against the fences of the sites the guard is on shift at then. It yields
// which fixes leave the guard outside (their location rows are flagged),
// the critical alerts to raise, and the rows to write once those exist:
// violations with their reasons, closed violations, enter and exit events
// and the new states. The state rows are locked for the batch, so two ingest
// processes sharing a subscription never evaluate one guard at once.
import { randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { DEFAULT_ALERT_RULES, type AlertRules } from "../../contracts/alert-rules";
import { contains } from "../../geofence/fence";
import { evaluateFix, type GuardFenceState } from "../../geofence/evaluate-fix";
import type { NamedFence, TenantFences } from "../../geofence/tenant-fences";
import { metrics } from "../../observability/metrics";
import type { AlertCandidate } from "../../services/alerts/alert-candidate";
import type { ValidatedAs } from "../pipeline/types";
import { alertSubject } from "./alert-subject";

const GEOFENCE_ALERT = "geofence-violation";

type GuardFix = ValidatedAs<"guard">;

type StoredState = GuardFenceState & { insideFenceIds: string[]; openViolationId: string | null };

/** The row lockStates inserts for a guard seen for the first time. */
const FRESH_STATE: StoredState = {
  status: "inside",
  lastFixAt: 0,
  outsideFixes: 0,
  outsideSince: null,
  insideFenceIds: [],
  openViolationId: null,
};

type Violation = {
  id: string;
  tenantId: string;
  guardId: string;
  fence: NamedFence;
  at: Date;
  lat: number;
  lon: number;
  metresOutside: number;
  accuracyM: number;
  confirmedFixes: number;
  confirmedSeconds: number;
};

type FenceEventRow = { tenantId: string; guardId: string; fence: NamedFence; kind: "enter" | "exit"; fix: Fix };
type Fix = { message: GuardFix; fences: TenantFences; at: Date; lat: number; lon: number; accuracyM: number };

export type GeofenceCheck = {
  /** Fixes after which their guard is outside: their location rows get geofence_violation. */
  violating: Set<GuardFix>;
  alerts: AlertCandidate[];
  /** Writes violations, events and states; call after the alerts are raised. */
  record: (tx: TransactionSql) => Promise<void>;
};

const none: GeofenceCheck = { violating: new Set(), alerts: [], record: async () => {} };

async function lockStates(tx: TransactionSql, fixes: Fix[]): Promise<Map<string, StoredState>> {
  const guards = [...new Map(fixes.map((f) => [f.message.source.guardId, f.message.source.tenantId]))].sort(
    ([a], [b]) => (a < b ? -1 : 1),
  );
  // Create missing rows first so that every guard's row can be locked.
  await tx`
    insert into guard_fence_states (guard_id, tenant_id, status, last_fix_at)
    select g, t, 'inside', 'epoch' from unnest(${guards.map(([g]) => g)}::uuid[], ${guards.map(([, t]) => t)}::uuid[]) as u(g, t)
    on conflict (guard_id) do nothing`;
  const rows = await tx<
    {
      guardId: string;
      status: "inside" | "outside";
      lastFixAt: Date;
      outsideFixes: number;
      outsideSince: Date | null;
      insideFenceIds: string[];
      openViolationId: string | null;
    }[]
  >`
    select guard_id as "guardId", status, last_fix_at as "lastFixAt", outside_fixes as "outsideFixes",
           outside_since as "outsideSince", inside_fence_ids as "insideFenceIds", open_violation_id as "openViolationId"
    from guard_fence_states where guard_id = any(${guards.map(([g]) => g)}::uuid[])
    order by guard_id for update`;
  return new Map(
    rows.map((r) => [
      r.guardId,
      {
        status: r.status,
        lastFixAt: r.lastFixAt.getTime(),
        outsideFixes: r.outsideFixes,
        outsideSince: r.outsideSince?.getTime() ?? null,
        insideFenceIds: r.insideFenceIds,
        openViolationId: r.openViolationId,
      },
    ]),
  );
}

function violationAlert(v: Violation, { source }: GuardFix): AlertCandidate {
  const where = v.fence.name ? `${v.fence.siteName} (${v.fence.name})` : v.fence.siteName;
  return {
    tenantId: source.tenantId,
    subject: alertSubject(source),
    siteId: v.fence.siteId,
    type: GEOFENCE_ALERT,
    severity: "critical",
    message:
      `${source.name} is ${Math.round(v.metresOutside)} m outside ${where} ` +
      `(accuracy ${Math.round(v.accuracyM)} m; ${v.confirmedFixes} fixes over ${v.confirmedSeconds} s)`,
    location: { lat: v.lat, lon: v.lon },
    at: v.at,
    extra: {
      violationId: v.id,
      geofenceId: v.fence.id,
      metresOutside: v.metresOutside,
      accuracyM: v.accuracyM,
      confirmedFixes: v.confirmedFixes,
      confirmedSeconds: v.confirmedSeconds,
    },
  };
}

export async function checkGeofences(
  tx: TransactionSql,
  guardFixes: GuardFix[],
  fencesByTenant: Map<string, TenantFences>,
  rulesByTenant: Map<string, AlertRules>,
): Promise<GeofenceCheck> {
  const fixes = guardFixes
    .flatMap((message): Fix[] => {
      const fences = fencesByTenant.get(message.source.tenantId);
      if (!fences?.index.size) return [];
      const { lat, lon, accuracy } = message.data;
      return [{ message, fences, at: message.recordedAt, lat, lon, accuracyM: accuracy ?? 0 }];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (fixes.length === 0) return none;

  const started = performance.now();
  const states = await lockStates(tx, fixes);
  const violating = new Set<GuardFix>();
  const alerts: AlertCandidate[] = [];
  const violations: Violation[] = [];
  const closed: { id: string; at: Date }[] = [];
  const events: FenceEventRow[] = [];

  for (const fix of fixes) {
    const { tenantId, guardId } = fix.message.source;
    const tenant = fix.fences;
    const before = states.get(guardId) ?? FRESH_STATE;
    const assigned = tenant.assignedFences(guardId, fix.at);
    const result = evaluateFix(before, { ...fix, at: fix.at.getTime() }, assigned);
    metrics.geofenceChecks.inc({ result: result.stale ? "stale" : result.outside ? "outside" : "inside" });
    if (result.stale) continue;
    if (result.outside) violating.add(fix.message);

    const after: StoredState = { ...before, ...result.state };
    for (const event of result.events) {
      if (event.kind === "violation") {
        const v: Violation = {
          id: randomUUID(),
          tenantId,
          guardId,
          fence: event.fence,
          at: fix.at,
          lat: fix.lat,
          lon: fix.lon,
          metresOutside: event.metresOutside,
          accuracyM: event.accuracyM,
          confirmedFixes: event.confirmedBy.fixes,
          confirmedSeconds: event.confirmedBy.seconds,
        };
        violations.push(v);
        after.openViolationId = v.id;
        const rules = rulesByTenant.get(tenantId) ?? DEFAULT_ALERT_RULES;
        if (!rules.disabled.includes(GEOFENCE_ALERT)) alerts.push(violationAlert(v, fix.message));
      }
    }
    // Back inside, or off shift: the open violation ends here.
    if (after.status === "inside" && before.openViolationId) {
      closed.push({ id: before.openViolationId, at: fix.at });
      after.openViolationId = null;
    }

    const insideFences = tenant.index.near(fix.lon, fix.lat, 0).filter((f) => contains(f, fix.lon, fix.lat));
    const inside = insideFences.map((f) => f.id);
    for (const fence of insideFences)
      if (!before.insideFenceIds.includes(fence.id)) events.push({ tenantId, guardId, fence, kind: "enter", fix });
    for (const id of before.insideFenceIds) {
      const fence = tenant.byId.get(id);
      if (fence && !inside.includes(id)) events.push({ tenantId, guardId, fence, kind: "exit", fix });
    }
    after.insideFenceIds = inside;
    states.set(guardId, after);
  }
  metrics.geofenceCheckSeconds.observe((performance.now() - started) / 1000);

  return {
    violating,
    alerts,
    record: async (tx) => {
      if (violations.length > 0) {
        // The alert each violation raised (or repeated): the guard's open geofence alert.
        await tx`
          insert into geofence_violations (id, tenant_id, guard_id, geofence_id, site_id, alert_id, started_at, lat, lon,
                                           metres_outside, accuracy_m, confirmed_fixes, confirmed_seconds)
          select v.id, v.tenant_id, v.guard_id, v.geofence_id, v.site_id,
                 (select a.id from alerts a where a.tenant_id = v.tenant_id and a.source_key = 'guard:' || v.guard_id
                    and a.type = ${GEOFENCE_ALERT} and a.status <> 'RESOLVED'),
                 v.started_at, v.lat, v.lon, v.metres_outside, v.accuracy_m, v.confirmed_fixes, v.confirmed_seconds
          from unnest(${violations.map((v) => v.id)}::uuid[], ${violations.map((v) => v.tenantId)}::uuid[],
                      ${violations.map((v) => v.guardId)}::uuid[], ${violations.map((v) => v.fence.id)}::uuid[],
                      ${violations.map((v) => v.fence.siteId)}::uuid[],
                      ${violations.map((v) => v.at.toISOString())}::timestamptz[],
                      ${violations.map((v) => v.lat)}::float8[], ${violations.map((v) => v.lon)}::float8[],
                      ${violations.map((v) => v.metresOutside)}::float8[], ${violations.map((v) => v.accuracyM)}::float8[],
                      ${violations.map((v) => v.confirmedFixes)}::int[], ${violations.map((v) => v.confirmedSeconds)}::int[])
            as v(id, tenant_id, guard_id, geofence_id, site_id, started_at, lat, lon, metres_outside, accuracy_m,
                 confirmed_fixes, confirmed_seconds)`;
      }
      if (closed.length > 0) {
        const ended = await tx<{ tenantId: string; alertId: string | null; endedAt: Date }[]>`
          update geofence_violations g set ended_at = v.at
          from unnest(${closed.map((c) => c.id)}::uuid[], ${closed.map((c) => c.at.toISOString())}::timestamptz[]) as v(id, at)
          where g.id = v.id and g.ended_at is null
          returning g.tenant_id as "tenantId", g.alert_id as "alertId", g.ended_at as "endedAt"`;
        const withAlert = ended.flatMap(({ alertId, ...e }) => (alertId ? [{ ...e, alertId }] : []));
        if (withAlert.length > 0)
          await tx`
            insert into alert_events (tenant_id, alert_id, action, channel, at)
            select * from unnest(${withAlert.map((e) => e.tenantId)}::uuid[], ${withAlert.map((e) => e.alertId)}::uuid[],
                                 ${withAlert.map(() => "guard-returned")}::text[], ${withAlert.map(() => "mqtt")}::text[],
                                 ${withAlert.map((e) => e.endedAt.toISOString())}::timestamptz[])`;
      }
      if (events.length > 0) {
        await tx`
          insert into geofence_events (tenant_id, guard_id, geofence_id, site_id, kind, at, lat, lon)
          select * from unnest(${events.map((e) => e.tenantId)}::uuid[], ${events.map((e) => e.guardId)}::uuid[],
                               ${events.map((e) => e.fence.id)}::uuid[], ${events.map((e) => e.fence.siteId)}::uuid[],
                               ${events.map((e) => e.kind)}::geofence_event_kind[],
                               ${events.map((e) => e.fix.at.toISOString())}::timestamptz[],
                               ${events.map((e) => e.fix.lat)}::float8[], ${events.map((e) => e.fix.lon)}::float8[])`;
      }
      const rows = [...states.entries()];
      await tx`
        update guard_fence_states s set status = v.status, last_fix_at = v.last_fix_at, outside_fixes = v.outside_fixes,
               outside_since = v.outside_since, inside_fence_ids = coalesce(string_to_array(nullif(v.inside, ''), ',')::uuid[], '{}'),
               open_violation_id = v.open_violation_id, updated_at = now()
        from unnest(${rows.map(([g]) => g)}::uuid[], ${rows.map(([, s]) => s.status)}::text[],
                    ${rows.map(([, s]) => new Date(s.lastFixAt).toISOString())}::timestamptz[],
                    ${rows.map(([, s]) => s.outsideFixes)}::int[],
                    ${rows.map(([, s]) => (s.outsideSince === null ? null : new Date(s.outsideSince).toISOString())) as never}::timestamptz[],
                    ${rows.map(([, s]) => s.insideFenceIds.join(","))}::text[],
                    ${rows.map(([, s]) => s.openViolationId) as never}::uuid[])
          as v(guard_id, status, last_fix_at, outside_fixes, outside_since, inside, open_violation_id)
        where s.guard_id = v.guard_id`;
    },
  };
}
