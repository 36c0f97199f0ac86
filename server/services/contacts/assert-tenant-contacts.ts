// Every contact a policy's tiers name must be one of the actor's tenant's, and
// not removed: otherwise a 422 naming the tier and position.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { contacts } from "../../../db/schema";
import type { CreateEscalationPolicyInput } from "../../contracts/notifications";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";

export async function assertTenantContacts(
  db: Pick<Db, "select">,
  actor: Actor,
  tiers: CreateEscalationPolicyInput["tiers"],
): Promise<void> {
  const wanted = [...new Set(tiers.flatMap((t) => t.contactIds))];
  const known = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.tenantId, actor.tenantId), inArray(contacts.id, wanted), isNull(contacts.deletedAt)));
  const knownIds = new Set(known.map((c) => c.id));
  tiers.forEach((tier, i) =>
    tier.contactIds.forEach((id, j) => {
      if (!knownIds.has(id)) {
        throw new AppError("invalid_input", "Unknown contact.", {
          issues: [{ path: `tiers.${i}.contactIds.${j}`, message: "no such contact" }],
        });
      }
    }),
  );
}
