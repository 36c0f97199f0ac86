// A tenant's default policy (no site) or a site's own. Every contact must be
// the tenant's; one policy per site and one default.
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { CreateEscalationPolicyInput, EscalationPolicyDto } from "../../contracts/notifications";
import { toPolicyDto } from "../../presenters/contacts/list-escalation-policies";
import type { Actor } from "../../auth/actor";
import { assertTenantSite } from "../sites/assert-tenant-site";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictOnDuplicate } from "../unique-violation";
import { assertTenantContacts } from "./assert-tenant-contacts";

export async function createEscalationPolicy(
  db: Db,
  actor: Actor,
  input: CreateEscalationPolicyInput,
): Promise<EscalationPolicyDto> {
  await assertTenantContacts(db, actor, input.tiers);
  await assertTenantSite(db, actor, input.siteId);
  const message = input.siteId
    ? "This site already has an escalation policy."
    : "The default escalation policy exists.";
  return conflictOnDuplicate("siteId", message, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(escalationPolicies)
        .values({
          tenantId: actor.tenantId,
          siteId: input.siteId ?? null,
          name: input.name,
          tiers: input.tiers,
          repeats: input.repeats,
        })
        .returning();
      const policy = toPolicyDto(row!);
      await recordAuditEvent(tx, actor, {
        action: "create",
        entityType: "escalation_policy",
        entityId: policy.id,
        after: policy,
      });
      return policy;
    }),
  );
}
