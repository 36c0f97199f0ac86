// The WHERE of an alert list from its query: status, severity, site, type,
// guard, time range and text search. The tenant is added by selectAlerts.
import { and, eq, gte, ilike, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alerts, devices, guards } from "../../../db/schema";
import type { ListAlertsQuery } from "../../contracts/alert-api";

export type AlertFilter = Partial<
  Pick<ListAlertsQuery, "status" | "severity" | "siteId" | "type" | "guard" | "q" | "since" | "until">
>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Alerts the guard raised and those of the devices bound to the guard (their phone's battery, say). */
function aboutGuard(tenantId: string, externalId: string): SQL {
  return sql`(${alerts.guardId} in (select id from guards where tenant_id = ${tenantId} and external_id = ${externalId})
    or ${alerts.deviceId} in (select d.id from devices d join guards g on g.id = d.guard_id
                              where d.tenant_id = ${tenantId} and g.external_id = ${externalId}))`;
}

function matching(text: string): SQL | undefined {
  const pattern = likePattern(text);
  return or(
    ilike(alerts.message, pattern),
    ilike(alerts.type, pattern),
    ilike(alerts.resolutionNote, pattern),
    ilike(devices.externalId, pattern),
    ilike(devices.name, pattern),
    ilike(guards.externalId, pattern),
    ilike(guards.name, pattern),
  );
}

export function alertFilters(tenantId: string, filter: AlertFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.status === "open") where.push(ne(alerts.status, "RESOLVED"));
  else if (filter.status) where.push(eq(alerts.status, filter.status));
  if (filter.severity) where.push(eq(alerts.severity, filter.severity));
  if (filter.siteId) where.push(eq(alerts.siteId, filter.siteId));
  if (filter.type) where.push(eq(alerts.type, filter.type));
  if (filter.guard) where.push(aboutGuard(tenantId, filter.guard));
  if (filter.since) where.push(gte(alerts.createdAt, new Date(filter.since)));
  if (filter.until) where.push(lte(alerts.createdAt, new Date(filter.until)));
  if (filter.q) where.push(matching(filter.q));
  return and(...where);
}
