// The alert columns every alert view needs, with the source's external id and
// name and the claiming user's email, always scoped to the actor's tenant and,
// for a user limited to sites, to those sites (server/auth/site-scope.ts).
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { alerts, devices, guards, users } from "../../../db/schema";
import type { AlertListItemDto } from "../../contracts/alert-api";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";

const claimer = alias(users, "claimer");

export const severityRank = sql<number>`array_position(array['critical','high','medium','low','info']::alert_severity[], ${alerts.severity})`;

export function selectAlerts(db: Db, actor: Pick<Actor, "tenantId" | "siteIds">, where?: SQL) {
  return db
    .select({
      alert: alerts,
      sourceExternalId: sql<string>`coalesce(${devices.externalId}, ${guards.externalId}, '')`,
      sourceName: sql<string>`coalesce(${devices.name}, ${guards.name}, ${devices.externalId}, '')`,
      claimedBy: claimer.email,
      // created_at to the microsecond: the history's page key (an ISO string in milliseconds would skip rows).
      createdAtKey: sql<string>`to_char(${alerts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(alerts)
    .leftJoin(devices, eq(devices.id, alerts.deviceId))
    .leftJoin(guards, eq(guards.id, alerts.guardId))
    .leftJoin(claimer, eq(claimer.id, alerts.claimedBy))
    .where(and(eq(alerts.tenantId, actor.tenantId), alertInScope(actor, alerts), where))
    .$dynamic();
}

export type AlertRow = Awaited<ReturnType<typeof selectAlerts>>[number];
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toAlertListItem({ alert: a, sourceExternalId, sourceName, claimedBy }: AlertRow): AlertListItemDto {
  return {
    id: a.id,
    type: a.type,
    severity: a.severity,
    status: a.status,
    message: a.message,
    lat: a.lat,
    lon: a.lon,
    count: a.count,
    sourceExternalId,
    sourceName,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    siteId: a.siteId,
    createdAt: a.createdAt.toISOString(),
    acknowledgedAt: iso(a.acknowledgedAt),
    resolvedAt: iso(a.resolvedAt),
    outcome: a.outcome,
    resolutionNote: a.resolutionNote,
    claimedBy,
    falseAlarmScore: a.falseAlarmScore,
    scoredByModelVersion: a.scoredByModelVersion,
  };
}
