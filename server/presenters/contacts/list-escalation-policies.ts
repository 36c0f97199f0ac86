import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { EscalationPolicyDto } from "../../contracts/api";
import type { Actor } from "../../services/actor";

export function toPolicyDto(row: typeof escalationPolicies.$inferSelect): EscalationPolicyDto {
  return {
    id: row.id,
    name: row.name,
    siteId: row.siteId,
    repeats: row.repeats,
    tiers: row.tiers,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listEscalationPolicies(db: Db, actor: Actor): Promise<EscalationPolicyDto[]> {
  const rows = await db
    .select()
    .from(escalationPolicies)
    .where(eq(escalationPolicies.tenantId, actor.tenantId))
    .orderBy(asc(escalationPolicies.createdAt));
  return rows.map(toPolicyDto);
}
