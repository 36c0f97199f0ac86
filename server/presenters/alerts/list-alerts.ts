// Alerts for the queue: most severe first, then newest, a page by offset.
import { desc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts } from "../../../db/schema";
import type { AlertListItemDto, ListAlertsQuery } from "../../contracts/alert-api";
import type { Actor } from "../../auth/actor";
import { alertFilters, type AlertFilter } from "./alert-filters";
import { selectAlerts, severityRank, toAlertListItem } from "./alert-query";

export async function listAlerts(
  db: Db,
  actor: Actor,
  query: AlertFilter & Pick<ListAlertsQuery, "limit" | "offset">,
): Promise<AlertListItemDto[]> {
  const rows = await selectAlerts(db, actor, alertFilters(actor.tenantId, query))
    .orderBy(severityRank, desc(alerts.createdAt))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map(toAlertListItem);
}
