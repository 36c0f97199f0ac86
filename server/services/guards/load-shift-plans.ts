// The shift plans of guards (one per assignment, in the assignment's time
// zone or else its site's), for deciding who is on duty (server/lib/on-shift.ts).
import type { TransactionSql } from "postgres";
import type { ShiftPlan } from "../../lib/on-shift";

/** Every guard asked for has an entry: [] when the guard has no assignment (always on duty). */
export async function loadShiftPlans(
  tx: TransactionSql,
  guardIds: readonly string[],
): Promise<Map<string, ShiftPlan[]>> {
  const plans = new Map<string, ShiftPlan[]>(guardIds.map((id) => [id, []]));
  if (guardIds.length === 0) return plans;
  const rows = await tx<(ShiftPlan & { guardId: string })[]>`
    select a.guard_id as "guardId", a.shifts, coalesce(a.timezone, s.timezone) as timezone
    from guard_assignments a join sites s on s.id = a.site_id
    where a.guard_id = any(${[...new Set(guardIds)]}::uuid[])`;
  for (const { guardId, ...plan } of rows) plans.get(guardId)?.push(plan);
  return plans;
}
