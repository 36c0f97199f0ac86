import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { ContactDto } from "../../contracts/notifications";
import type { Page, PageQuery } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { afterCursor, toPage } from "../keyset-page";

export function toContactDto(row: typeof contacts.$inferSelect): ContactDto {
  return { id: row.id, name: row.name, phone: row.phone, email: row.email, createdAt: row.createdAt.toISOString() };
}

/** The tenant's contacts by name, a page at a time (removed contacts are not listed). */
export async function listContacts(db: Db, actor: Actor, { limit, cursor }: PageQuery): Promise<Page<ContactDto>> {
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, actor.tenantId),
        isNull(contacts.deletedAt),
        afterCursor(contacts.name, contacts.id, cursor),
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(limit + 1);
  return toPage(rows, limit, toContactDto, (r) => [r.name, r.id]);
}
