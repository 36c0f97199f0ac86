// The sites a policy's match names must be the actor's tenant's: otherwise a
// 422 naming the position.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sites } from "../../../db/schema";
import type { PolicyMatchInput } from "../../contracts/notifications";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";

export async function assertPolicySites(db: Pick<Db, "select">, actor: Actor, match: PolicyMatchInput): Promise<void> {
  const wanted = match.siteIds ?? [];
  if (wanted.length === 0) return;
  const known = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), inArray(sites.id, wanted)));
  const knownIds = new Set(known.map((s) => s.id));
  const unknown = wanted.findIndex((id) => !knownIds.has(id));
  if (unknown === -1) return;
  throw new AppError("invalid_input", "Unknown site.", {
    issues: [{ path: `match.siteIds.${unknown}`, message: "no such site" }],
  });
}
