// An alert's notification deliveries, oldest first: who was told, how, and what happened. The recipient
// (a contact's phone number or email) only for those who may read contacts. A contact removed since is
// still named, marked "(removed)".
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts, notificationDeliveries } from "../../../db/schema";
import type { DeliveryDto } from "../../contracts/notifications";

export async function listDeliveries(
  db: Db,
  tenantId: string,
  alertId: string,
  { recipients }: { recipients: boolean },
): Promise<DeliveryDto[]> {
  const rows = await db
    .select({ d: notificationDeliveries, contactName: contacts.name, removed: contacts.deletedAt })
    .from(notificationDeliveries)
    .leftJoin(contacts, eq(contacts.id, notificationDeliveries.contactId))
    .where(and(eq(notificationDeliveries.tenantId, tenantId), eq(notificationDeliveries.alertId, alertId)))
    .orderBy(asc(notificationDeliveries.createdAt), asc(notificationDeliveries.channel));
  return rows.map(({ d, contactName, removed }) => ({
    id: d.id,
    contactName: contactName && removed ? `${contactName} (removed)` : contactName,
    channel: d.channel,
    recipient: recipients ? d.recipient : null,
    round: d.round,
    tier: d.tier,
    attempts: d.attempts,
    status: d.status,
    fallback: d.fallback,
    holdUntil: d.status === "held_quiet_hours" ? (d.holdUntil?.toISOString() ?? null) : null,
    providerId: d.providerId,
    error: d.error,
    createdAt: d.createdAt.toISOString(),
    // A queued SMS's sent_at is the slot it holds under the tenant's cap (workers/sms-rules.ts), not a sending.
    sentAt: d.status === "sent" ? (d.sentAt?.toISOString() ?? null) : null,
  }));
}
