// The contact a signed alert link was sent to, as the owner of a push
// subscription made on the mobile alert page, and the terms of such a
// subscription: it lasts `days` and only while the contact keeps the
// addresses it has now (a link is not a permanent feed of future alerts).
import { and, eq } from "drizzle-orm";
import { contacts } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import { findAlertByLink } from "../alerts/acknowledge-alert-by-link";
import type { AlertDeps } from "../alerts/transition-alert";
import { contactFingerprint } from "./contact-fingerprint";
import type { LinkTerms, PushOwner } from "./save-push-subscription";

export async function linkPushOwner(
  deps: AlertDeps,
  { alertId, token }: { alertId: string; token: string },
  secret: string,
  { days = 30, now = new Date() }: { days?: number; now?: Date } = {},
): Promise<{ owner: PushOwner; link: LinkTerms }> {
  const { tenantId, contact } = await findAlertByLink(deps, token, alertId, secret);
  if (!contact) throw new AppError("forbidden", "This link is not for a contact who can receive notifications.");
  const [addresses] = await deps.db
    .select({ email: contacts.email, phone: contacts.phone, userId: contacts.userId })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contact.id)));
  if (!addresses) throw new AppError("forbidden", "This link is not for a contact who can receive notifications.");
  return {
    owner: { tenantId, contactId: contact.id },
    link: {
      expiresAt: new Date(now.getTime() + days * 24 * 3600 * 1000),
      contactFingerprint: contactFingerprint(addresses),
    },
  };
}
