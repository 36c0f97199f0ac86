import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { ContactDto, CreateContactInput } from "../../contracts/notifications";
import { toContactDto } from "../../presenters/contacts/list-contacts";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function createContact(db: Db, actor: Actor, input: CreateContactInput): Promise<ContactDto> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({ tenantId: actor.tenantId, name: input.name, phone: input.phone ?? null, email: input.email ?? null })
      .returning();
    const contact = toContactDto(row!);
    await recordAuditEvent(tx, actor, {
      action: "create",
      entityType: "contact",
      entityId: contact.id,
      after: contact,
    });
    return contact;
  });
}
