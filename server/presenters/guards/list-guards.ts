import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { GuardDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { guardInScope } from "../../auth/site-scope";
import { toGuardDto } from "./guard-dto";

export async function listGuards(db: Db, actor: Actor): Promise<GuardDto[]> {
  const rows = await db
    .select()
    .from(guards)
    .where(and(eq(guards.tenantId, actor.tenantId), guardInScope(actor, guards.id)))
    .orderBy(asc(guards.externalId));
  return rows.map(toGuardDto);
}
