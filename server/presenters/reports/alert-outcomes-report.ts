// Alerts raised in the range by type and outcome, with the false-alarm rate:
// false alarms among the alerts resolved as real or false (tests and open
// alerts say nothing about it).
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts, sites } from "../../../db/schema";
import type { AlertOutcomesReport, AlertOutcomesRow, ReportQuery } from "../../contracts/reports";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";
import { inLocalDays } from "./local-day";

const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;

function falseAlarmRate({ real, falseAlarm }: { real: number; falseAlarm: number }): number | null {
  return real + falseAlarm === 0 ? null : falseAlarm / (real + falseAlarm);
}

export async function alertOutcomesReport(
  db: Db,
  actor: Actor,
  { from, to, siteId, guardId }: ReportQuery,
): Promise<AlertOutcomesReport> {
  const counts = await db
    .select({
      type: alerts.type,
      total: sql<number>`count(*)::int`,
      open: countWhere(sql`${alerts.status} <> 'RESOLVED'`),
      real: countWhere(sql`${alerts.outcome} = 'real'`),
      falseAlarm: countWhere(sql`${alerts.outcome} = 'false_alarm'`),
      test: countWhere(sql`${alerts.outcome} = 'test'`),
    })
    .from(alerts)
    // Joined only for the site's time zone.
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
    .groupBy(alerts.type)
    .orderBy(asc(alerts.type));
  const rows: AlertOutcomesRow[] = counts.map((c) => ({ ...c, falseAlarmRate: falseAlarmRate(c) }));
  const sum = (key: "total" | "open" | "real" | "falseAlarm" | "test") => rows.reduce((s, r) => s + r[key], 0);
  const totals = {
    total: sum("total"),
    open: sum("open"),
    real: sum("real"),
    falseAlarm: sum("falseAlarm"),
    test: sum("test"),
  };
  return { from, to, rows, totals: { ...totals, falseAlarmRate: falseAlarmRate(totals) } };
}
