// Alerts for the queue: most severe first, then newest.
import { and, desc, eq, ne, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts } from "../../../db/schema";
import type { AlertListItemDto, ListAlertsQuery } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { selectAlerts, severityRank, toAlertListItem } from "./alert-query";

export async function listAlerts(db: Db, actor: Actor, query: ListAlertsQuery): Promise<AlertListItemDto[]> {
  const filters: SQL[] = [];
  if (query.status === "open") filters.push(ne(alerts.status, "RESOLVED"));
  else if (query.status) filters.push(eq(alerts.status, query.status));
  if (query.severity) filters.push(eq(alerts.severity, query.severity));
  if (query.siteId) filters.push(eq(alerts.siteId, query.siteId));
  const rows = await selectAlerts(db, actor.tenantId, and(...filters))
    .orderBy(severityRank, desc(alerts.createdAt))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map(toAlertListItem);
}
