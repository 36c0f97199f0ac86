// One alert with its event log (who did what, through which channel, when)
// and its notification deliveries. Only admins, who are the ones to see the
// contacts (the admin notifications page), see where each delivery went.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alertEvents, alerts, users } from "../../../db/schema";
import type { AlertDetailDto } from "../../contracts/alert-api";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { selectAlerts, toAlertListItem } from "./alert-query";
import { listDeliveries } from "./list-deliveries";

export async function getAlert(
  db: Db,
  actor: Pick<Actor, "tenantId"> & Partial<Pick<Actor, "role" | "siteIds">>,
  alertId: string,
): Promise<AlertDetailDto> {
  const [row] = await selectAlerts(db, actor, eq(alerts.id, alertId));
  if (!row) throw new AppError("not_found", "No such alert.");
  const events = await db
    .select({ event: alertEvents, by: users.email })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.userId))
    .where(and(eq(alertEvents.tenantId, actor.tenantId), eq(alertEvents.alertId, alertId)))
    .orderBy(asc(alertEvents.at), asc(alertEvents.id));
  return {
    ...toAlertListItem(row),
    events: events.map(({ event, by }) => ({
      action: event.action,
      channel: event.channel,
      by: by ?? (event.detail as { contactName?: string } | null)?.contactName ?? null,
      at: event.at.toISOString(),
      detail: event.detail,
    })),
    deliveries: await listDeliveries(db, actor.tenantId, alertId, { recipients: actor.role === "admin" }),
  };
}
