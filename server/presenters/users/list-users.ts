// The users of the actor's tenant by email, a page at a time (removed users are not listed).
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { UserDto } from "../../contracts/admin";
import type { Page, PageQuery } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { afterCursor, toPage } from "../keyset-page";

export function toUserDto(row: typeof users.$inferSelect): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    totpEnabled: row.totpEnabledAt !== null,
    siteIds: row.siteIds,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(db: Db, actor: Actor, { limit, cursor }: PageQuery): Promise<Page<UserDto>> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), isNull(users.deletedAt), afterCursor(users.email, users.id, cursor)))
    .orderBy(asc(users.email), asc(users.id))
    .limit(limit + 1);
  return toPage(rows, limit, toUserDto, (r) => [r.email, r.id]);
}
