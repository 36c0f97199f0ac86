// The contact a signed alert link was sent to, as the owner of a push
// subscription made on the mobile alert page.
import { AppError } from "../../observability/app-error";
import { findAlertByLink } from "../alerts/acknowledge-alert-by-link";
import type { AlertDeps } from "../alerts/transition-alert";
import type { PushOwner } from "./save-push-subscription";

export async function linkPushOwner(
  deps: AlertDeps,
  { alertId, token }: { alertId: string; token: string },
  secret: string,
): Promise<PushOwner> {
  const { tenantId, contact } = await findAlertByLink(deps, token, alertId, secret);
  if (!contact) throw new AppError("forbidden", "This link is not for a contact who can receive notifications.");
  return { tenantId, contactId: contact.id };
}
