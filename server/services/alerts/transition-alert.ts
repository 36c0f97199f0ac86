// The one way an alert changes: a conditional UPDATE (so two people acting at
// once cannot both succeed), its event and its audit entry appended in the same transaction, and
// the change broadcast to the tenant's browsers (and an acknowledgement's
// delay measured) after commit.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alertEvents, alerts, users } from "../../../db/schema";
import type { AlertDetailDto } from "../../contracts/alert-api";
import { socketEvents } from "../../contracts/socket-events";
import { AppError } from "../../observability/app-error";
import { metrics } from "../../observability/metrics";
import { getAlert } from "../../presenters/alerts/get-alert";
import type { Broadcaster } from "../../realtime/broadcaster";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";

type Status = (typeof alerts.status.enumValues)[number];
export type AlertDeps = { db: Db; broadcaster: Broadcaster };
/** Who changes the alert: a signed-in user, or a contact through a signed link (userId null, named in detail). */
export type AlertChanger = AuditActor & Pick<Actor, "siteIds">;

/** What the audit log shows of an alert, before and after a change. */
const alertState = {
  status: alerts.status,
  claimedBy: alerts.claimedBy,
  acknowledgedAt: alerts.acknowledgedAt,
  resolvedAt: alerts.resolvedAt,
  outcome: alerts.outcome,
  resolutionNote: alerts.resolutionNote,
};
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const AUDIT_ACTION = { claimed: "claim", acknowledged: "acknowledge", resolved: "resolve" } as const;

async function whoWasFirst(db: Db | Tx, alertId: string, action: string): Promise<string> {
  const [first] = await db
    .select({ by: users.email, at: alertEvents.at, channel: alertEvents.channel, detail: alertEvents.detail })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.userId))
    .where(and(eq(alertEvents.alertId, alertId), eq(alertEvents.action, action)))
    .orderBy(asc(alertEvents.at))
    .limit(1);
  const contactName = (first?.detail as { contactName?: string } | null)?.contactName;
  return first
    ? `by ${first.by ?? contactName ?? "a contact"} (${first.channel}) at ${first.at.toISOString()}`
    : "earlier";
}

export async function transitionAlert(
  { db, broadcaster }: AlertDeps,
  actor: AlertChanger,
  {
    alertId,
    from,
    set,
    extraCondition,
    action,
    channel,
    detail,
    conflictAction = action,
    afterUpdate,
  }: {
    alertId: string;
    from: Status[];
    set: Partial<typeof alerts.$inferInsert>;
    extraCondition?: SQL;
    action: "claimed" | "acknowledged" | "resolved";
    channel: string;
    detail?: Record<string, unknown>;
    conflictAction?: string;
    afterUpdate?: (tx: Tx) => Promise<void>;
  },
): Promise<AlertDetailDto> {
  await db.transaction(async (tx) => {
    // Another site's alert, for a user limited to sites, is as unknown as another tenant's (404).
    const scope = and(eq(alerts.tenantId, actor.tenantId), alertInScope(actor, alerts), eq(alerts.id, alertId));
    // Locked first, so the audit entry's "before" is exactly the state this change replaced.
    const [before] = await tx.select(alertState).from(alerts).where(scope).for("update");
    const [updated] = await tx
      .update(alerts)
      .set(set)
      .where(and(scope, inArray(alerts.status, from), extraCondition))
      .returning(alertState);
    if (!before || !updated) {
      const [current] = await tx.select({ status: alerts.status }).from(alerts).where(scope);
      if (!current) throw new AppError("not_found", "No such alert.");
      const done = current.status === "RESOLVED" ? "resolved" : conflictAction;
      throw new AppError(
        "conflict",
        `Already ${done} ${await whoWasFirst(tx, alertId, current.status === "RESOLVED" ? "resolved" : conflictAction)}.`,
      );
    }
    await tx
      .insert(alertEvents)
      .values({ tenantId: actor.tenantId, alertId, action, channel, userId: actor.userId, detail });
    await recordAuditEvent(tx, actor, {
      action: AUDIT_ACTION[action],
      entityType: "alert",
      entityId: alertId,
      before,
      after: { ...updated, ...detail },
    });
    await afterUpdate?.(tx);
  });
  const alert = await getAlert(db, actor, alertId);
  const { events: _events, deliveries: _deliveries, ...summary } = alert;
  broadcaster.toTenant(actor.tenantId, socketEvents.alertsChanged, [summary]);
  if (set.status === "ACKNOWLEDGED" && alert.acknowledgedAt) {
    const seconds = (Date.parse(alert.acknowledgedAt) - Date.parse(alert.createdAt)) / 1000;
    metrics.timeToAcknowledge.observe({ severity: alert.severity }, Math.max(0, seconds));
  }
  return alert;
}
