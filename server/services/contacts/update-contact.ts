// An admin changes a contact's name, phone or email. Deliveries not yet made
// read the contact when they are queued, so the next tier goes to the new
// number; a contact keeps at least one way to reach them.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { ContactDto, UpdateContactInput } from "../../contracts/notifications";
import { AppError } from "../../observability/app-error";
import { toContactDto } from "../../presenters/contacts/list-contacts";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockContact } from "./find-contact";

export async function updateContact(db: Db, actor: Actor, id: string, input: UpdateContactInput): Promise<ContactDto> {
  return db.transaction(async (tx) => {
    const contact = await lockContact(tx, actor, id);
    const phone = input.phone === undefined ? contact.phone : input.phone;
    const email = input.email === undefined ? contact.email : input.email;
    if (!phone && !email) {
      const message = "give a phone number or an email address";
      throw new AppError("invalid_input", "A contact needs a phone or an email.", {
        issues: [{ path: input.phone === null ? "phone" : "email", message }],
      });
    }
    const [row] = await tx
      .update(contacts)
      .set({ name: input.name ?? contact.name, phone, email })
      .where(eq(contacts.id, contact.id))
      .returning();
    const after = toContactDto(row!);
    await recordAuditEvent(tx, actor, {
      action: "update",
      entityType: "contact",
      entityId: contact.id,
      before: toContactDto(contact),
      after,
    });
    return after;
  });
}
