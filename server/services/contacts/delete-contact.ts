// An admin removes a contact. The row stays (deleted_at, deleted_by) so the
// delivery ledger of past alerts still names them, and the removal is recorded.
// In the same transaction the contact leaves every tier of the tenant's
// policies and its queued deliveries are skipped; notify_alert also skips
// removed contacts, so an escalation in flight never reaches them again.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts, escalationPolicies, notificationDeliveries } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { toContactDto } from "../../presenters/contacts/list-contacts";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordDeletion } from "../record-deletion";
import { lockContact } from "./find-contact";

const CONTACT_REMOVED = "contact removed";

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const contact = await lockContact(tx, actor, id);
    await tx
      .update(contacts)
      .set({ deletedAt: new Date(), deletedBy: actor.userId })
      .where(eq(contacts.id, contact.id));
    await tx
      .update(escalationPolicies)
      .set({
        tiers: sql`(select jsonb_agg(jsonb_set(t, '{contactIds}', (t->'contactIds') - ${contact.id}::text) order by n)
                    from jsonb_array_elements(${escalationPolicies.tiers}) with ordinality as e(t, n))`,
      })
      .where(
        and(
          eq(escalationPolicies.tenantId, actor.tenantId),
          sql`jsonb_path_exists(${escalationPolicies.tiers}, '$[*].contactIds[*] ? (@ == $id)', jsonb_build_object('id', ${contact.id}::text))`,
        ),
      );
    await tx
      .update(notificationDeliveries)
      .set({ status: "skipped", error: CONTACT_REMOVED, sentAt: null })
      .where(
        and(
          eq(notificationDeliveries.tenantId, actor.tenantId),
          eq(notificationDeliveries.contactId, contact.id),
          inArray(notificationDeliveries.status, ["queued", "held_quiet_hours"]),
        ),
      );
    await recordAuditEvent(tx, actor, {
      action: "delete",
      entityType: "contact",
      entityId: contact.id,
      before: toContactDto(contact),
    });
    await recordDeletion(tx, actor, {
      kind: "contact",
      entityId: contact.id,
      label: contact.name,
      before: { name: contact.name, phone: contact.phone, email: contact.email, userId: contact.userId },
    });
  });
}
