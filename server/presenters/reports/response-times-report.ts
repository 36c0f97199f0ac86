// Per site: alerts raised in the range, how many were acknowledged and
// resolved, and the median and 90th percentile of the time from raised
// (created) to acknowledged and from raised to resolved.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts, sites } from "../../../db/schema";
import type { ReportQuery, ResponseTimesReport } from "../../contracts/reports";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";
import { inLocalDays } from "./local-day";

const ackSeconds = sql`extract(epoch from ${alerts.acknowledgedAt} - ${alerts.createdAt})`;
const resolveSeconds = sql`extract(epoch from ${alerts.resolvedAt} - ${alerts.createdAt})`;
// percentile_cont skips nulls: alerts not yet acknowledged or resolved don't count.
const percentile = (fraction: number, seconds: typeof ackSeconds) =>
  sql<number | null>`percentile_cont(${sql.raw(String(fraction))}) within group (order by ${seconds})`;

export async function responseTimesReport(
  db: Db,
  actor: Actor,
  { from, to, siteId, guardId }: ReportQuery,
): Promise<ResponseTimesReport> {
  const siteName = sql<string>`coalesce(${sites.name}, '(no site)')`;
  const rows = await db
    .select({
      siteId: alerts.siteId,
      siteName,
      raised: sql<number>`count(*)::int`,
      acknowledged: sql<number>`count(${alerts.acknowledgedAt})::int`,
      resolved: sql<number>`count(${alerts.resolvedAt})::int`,
      ackMedianSeconds: percentile(0.5, ackSeconds),
      ackP90Seconds: percentile(0.9, ackSeconds),
      resolveMedianSeconds: percentile(0.5, resolveSeconds),
      resolveP90Seconds: percentile(0.9, resolveSeconds),
    })
    .from(alerts)
    .leftJoin(sites, and(eq(sites.id, alerts.siteId), eq(sites.tenantId, actor.tenantId)))
    .where(
      and(
        eq(alerts.tenantId, actor.tenantId),
        alertInScope(actor, alerts),
        inLocalDays(alerts.createdAt, from, to),
        siteId ? eq(alerts.siteId, siteId) : undefined,
        guardId ? eq(alerts.guardId, guardId) : undefined,
      ),
    )
    .groupBy(alerts.siteId, sites.name)
    .orderBy(asc(siteName));
  return { from, to, rows };
}
