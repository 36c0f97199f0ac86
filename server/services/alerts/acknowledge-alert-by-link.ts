// A contact acknowledges from the link in their SMS or email, without a
// password: the signed token names the alert and the contact and expires.
// The event log records which contact acknowledged through which link.
import { and, eq } from "drizzle-orm";
import { alerts, contacts } from "../../../db/schema";
import type { RequestOrigin } from "../../contracts/audit";
import { AppError } from "../../observability/app-error";
import { verifyAlertLink } from "./alert-link";
import { cancelEscalation } from "./cancel-escalation";
import { transitionAlert, type AlertDeps } from "./transition-alert";

export async function findAlertByLink(deps: AlertDeps, token: string, alertId: string, secret: string) {
  const verdict = verifyAlertLink(token, secret);
  if (!verdict.ok) {
    throw new AppError(
      "forbidden",
      verdict.reason === "expired" ? "This link has expired." : "This link is not valid for this alert.",
    );
  }
  if (verdict.claims.alertId !== alertId) throw new AppError("forbidden", "This link is not valid for this alert.");
  const [alert] = await deps.db.select({ tenantId: alerts.tenantId }).from(alerts).where(eq(alerts.id, alertId));
  if (!alert) throw new AppError("not_found", "This alert no longer exists.");
  const [contact] = await deps.db
    .select({ id: contacts.id, name: contacts.name, deletedAt: contacts.deletedAt })
    .from(contacts)
    .where(and(eq(contacts.tenantId, alert.tenantId), eq(contacts.id, verdict.claims.contactId)));
  // Someone removed from the contacts (who left, say) can no longer act on the links they were sent.
  if (contact?.deletedAt) throw new AppError("forbidden", "This link's contact has been removed.");
  return { tenantId: alert.tenantId, contact: contact ? { id: contact.id, name: contact.name } : null };
}

export async function acknowledgeAlertByLink(
  deps: AlertDeps,
  token: string,
  alertId: string,
  secret: string,
  origin?: RequestOrigin,
) {
  const { tenantId, contact } = await findAlertByLink(deps, token, alertId, secret);
  return transitionAlert(
    deps,
    { tenantId, userId: null, ...(origin ? { origin } : {}) },
    {
      alertId,
      from: ["NEW"],
      set: { status: "ACKNOWLEDGED", acknowledgedAt: new Date() },
      action: "acknowledged",
      channel: "link",
      detail: { contactId: contact?.id ?? null, contactName: contact?.name ?? "a contact", link: token.slice(-12) },
      afterUpdate: cancelEscalation(alertId),
    },
  );
}
