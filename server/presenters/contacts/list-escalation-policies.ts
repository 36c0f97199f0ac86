import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { EscalationPolicyDto } from "../../contracts/notifications";
import type { Page, PageQuery } from "../../contracts/pagination";
import type { Actor } from "../../auth/actor";
import { afterCursor, toPage } from "../keyset-page";

export function toPolicyDto(row: typeof escalationPolicies.$inferSelect): EscalationPolicyDto {
  return {
    id: row.id,
    name: row.name,
    match: row.match,
    priority: row.priority,
    quietHours: row.quietHours ?? null,
    repeats: row.repeats,
    tiers: row.tiers,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The tenant's escalation policies by name, a page at a time. */
export async function listEscalationPolicies(
  db: Db,
  actor: Actor,
  { limit, cursor }: PageQuery,
): Promise<Page<EscalationPolicyDto>> {
  const rows = await db
    .select()
    .from(escalationPolicies)
    .where(
      and(
        eq(escalationPolicies.tenantId, actor.tenantId),
        afterCursor(escalationPolicies.name, escalationPolicies.id, cursor),
      ),
    )
    .orderBy(asc(escalationPolicies.name), asc(escalationPolicies.id))
    .limit(limit + 1);
  return toPage(rows, limit, toPolicyDto, (r) => [r.name, r.id]);
}
