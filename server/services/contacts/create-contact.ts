import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { ContactDto, CreateContactInput } from "../../contracts/api";
import { toContactDto } from "../../presenters/contacts/list-contacts";
import type { Actor } from "../../auth/actor";

export async function createContact(db: Db, actor: Actor, input: CreateContactInput): Promise<ContactDto> {
  const [row] = await db
    .insert(contacts)
    .values({ tenantId: actor.tenantId, name: input.name, phone: input.phone ?? null, email: input.email ?? null })
    .returning();
  return toContactDto(row!);
}
