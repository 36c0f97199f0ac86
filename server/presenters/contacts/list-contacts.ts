import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { ContactDto } from "../../contracts/api";
import type { Actor } from "../../services/actor";

export function toContactDto(row: typeof contacts.$inferSelect): ContactDto {
  return { id: row.id, name: row.name, phone: row.phone, email: row.email, createdAt: row.createdAt.toISOString() };
}

export async function listContacts(db: Db, actor: Actor): Promise<ContactDto[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.tenantId, actor.tenantId))
    .orderBy(asc(contacts.name));
  return rows.map(toContactDto);
}
