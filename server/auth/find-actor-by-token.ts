// Resolves a session cookie or bearer token to the acting user and tenant.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions, tenants, users } from "../../db/schema";
import type { Actor } from "./actor";
import { hashToken } from "./session-token";
import { effectiveSiteIds } from "./site-scope";

export async function findActorByToken(db: Db, token: string): Promise<Actor | null> {
  if (token.length === 0 || token.length > 200) return null;
  const [row] = await db
    .select({
      tenantId: users.tenantId,
      userId: users.id,
      role: users.role,
      email: users.email,
      isSuperAdmin: users.isSuperAdmin,
      siteIds: users.siteIds,
      mustEnrolTotp: sql<boolean>`${tenants.requireTotp} and ${users.totpEnabledAt} is null`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  if (!row) return null;
  const { siteIds, ...actor } = row;
  const limitedTo = effectiveSiteIds(actor.role, siteIds);
  return limitedTo ? { ...actor, siteIds: limitedTo } : actor;
}
