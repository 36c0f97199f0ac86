// The alert history: alerts matching the filters, newest first, a page at a
// time by keyset (created_at, id), so pages stay put while alerts arrive; and
// the same rows as CSV.
import { and, desc, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../../db/client";
import { alerts } from "../../../db/schema";
import { ALERT_CSV_MAX_ROWS, type AlertListItemDto, type ListAlertsQuery } from "../../contracts/alert-api";
import type { Page } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { decodeCursor, toPage } from "../keyset-page";
import { alertFilters, type AlertFilter } from "./alert-filters";
import { selectAlerts, toAlertListItem, type AlertRow } from "./alert-query";

function olderThan(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeCursor(cursor);
  return sql`(${alerts.createdAt}, ${alerts.id}) < (${createdAt}::timestamptz, ${id}::uuid)`;
}

function selectHistory(db: Db, actor: Actor, filter: AlertFilter, cursor: string | undefined, limit: number) {
  return selectAlerts(db, actor, and(alertFilters(actor.tenantId, filter), olderThan(cursor)))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(limit);
}

export async function listAlertHistory(
  db: Db,
  actor: Actor,
  query: AlertFilter & Pick<ListAlertsQuery, "limit" | "cursor">,
): Promise<Page<AlertListItemDto>> {
  const rows = await selectHistory(db, actor, query, query.cursor, query.limit + 1);
  return toPage(rows, query.limit, toAlertListItem, (r: AlertRow) => [r.createdAtKey, r.alert.id]);
}

const CSV_COLUMNS: (keyof AlertListItemDto)[] = [
  "id",
  "createdAt",
  "type",
  "severity",
  "status",
  "sourceExternalId",
  "sourceName",
  "siteId",
  "message",
  "count",
  "lat",
  "lon",
  "acknowledgedAt",
  "resolvedAt",
  "outcome",
  "resolutionNote",
  "claimedBy",
  "falseAlarmScore",
];

/** The matching alerts, newest first, as CSV; formula-like cells are defused for spreadsheets. */
export async function alertHistoryCsv(db: Db, actor: Actor, filter: AlertFilter): Promise<string> {
  const rows = await selectHistory(db, actor, filter, undefined, ALERT_CSV_MAX_ROWS);
  return stringify(rows.map(toAlertListItem), { header: true, columns: CSV_COLUMNS, escape_formulas: true });
}
