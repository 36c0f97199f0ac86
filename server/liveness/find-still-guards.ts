// Guards on shift whose fresh fixes stayed within the tenant's man-down distance
// (`liveness.manDownMetres`, 15 m) for its man-down time (`manDownMinutes`, 10):
// the man-down condition, with what the pre-alarm needs (the newest check-in,
// the cancel window). One set-based statement over the last minutes' fixes.
import type { TransactionSql } from "postgres";
import { isOnShift, type ShiftPlan } from "../lib/on-shift";

export type StillGuard = {
  tenantId: string;
  sourceExternalId: string;
  sourceName: string;
  guardId: string;
  lat: number;
  lon: number;
  movedM: number;
  minutes: number;
  metres: number;
  cancelSeconds: number;
  lastCheckInAt: Date | null;
};

export async function findStillGuards(tx: TransactionSql, now: Date): Promise<StillGuard[]> {
  const candidates = await tx<(StillGuard & { shifts: ShiftPlan[] })[]>`
    select p.guard_id as "guardId", p.tenant_id as "tenantId", g.external_id as "sourceExternalId",
           g.name as "sourceName", p.lat, p.lon, s.minutes, s.metres, s.cancel_seconds as "cancelSeconds",
           k.last_check_in_at as "lastCheckInAt",
           max(sqrt(power((l.lat - p.lat) * 111320, 2) + power((l.lon - p.lon) * 111320 * cos(radians(p.lat)), 2))) as "movedM",
           (select json_agg(json_build_object('shifts', a.shifts, 'timezone', coalesce(a.timezone, st.timezone)))
              from guard_assignments a join sites st on st.id = a.site_id where a.guard_id = p.guard_id) as shifts
    from guard_positions p
    join guards g on g.id = p.guard_id
    left join guard_check_ins k on k.guard_id = p.guard_id
    left join alert_rule_settings r on r.tenant_id = p.tenant_id
    cross join lateral (select coalesce((r.rules->'liveness'->>'manDownMinutes')::float8, 10) as minutes,
                               coalesce((r.rules->'liveness'->>'manDownMetres')::float8, 15) as metres,
                               coalesce((r.rules->'liveness'->>'manDownCancelSeconds')::int, 30) as cancel_seconds) s
    join guard_locations l on l.guard_id = p.guard_id
      and l.recorded_at >= p.recorded_at - make_interval(secs => s.minutes * 60) and l.recorded_at <= p.recorded_at
    where p.recorded_at > ${now}::timestamptz - interval '2 minutes'
      and exists (select 1 from guard_assignments a where a.guard_id = p.guard_id)
      and g.deactivated_at is null
      and not coalesce(r.rules->'disabled' ? 'man-down', false)
    group by p.guard_id, p.tenant_id, g.external_id, g.name, p.lat, p.lon, p.recorded_at, s.minutes, s.metres,
             s.cancel_seconds, k.last_check_in_at
    having count(*) >= 3
       and min(l.recorded_at) <= p.recorded_at - make_interval(secs => s.minutes * 60 * 0.9)
       and max(sqrt(power((l.lat - p.lat) * 111320, 2) + power((l.lon - p.lon) * 111320 * cos(radians(p.lat)), 2))) <= s.metres`;
  return candidates.filter((g) => isOnShift(g.shifts, now)).map(({ shifts: _shifts, ...g }) => g);
}
