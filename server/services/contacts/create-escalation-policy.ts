// An escalation policy: which alerts it takes (match, priority), when it keeps
// quiet, and its tiers. Every contact and site it names must be the tenant's;
// one default (empty match) per tenant.
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { CreateEscalationPolicyInput, EscalationPolicyDto } from "../../contracts/notifications";
import { toPolicyDto } from "../../presenters/contacts/list-escalation-policies";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictOnDuplicate } from "../unique-violation";
import { assertPolicySites } from "./assert-policy-sites";
import { assertTenantContacts } from "./assert-tenant-contacts";

export const DEFAULT_POLICY_EXISTS = "The default escalation policy (empty match) exists; give this one a match.";

export async function createEscalationPolicy(
  db: Db,
  actor: Actor,
  input: CreateEscalationPolicyInput,
): Promise<EscalationPolicyDto> {
  await assertPolicySites(db, actor, input.match);
  await assertTenantContacts(db, actor, input.tiers);
  return conflictOnDuplicate("match", DEFAULT_POLICY_EXISTS, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(escalationPolicies)
        .values({
          tenantId: actor.tenantId,
          name: input.name,
          match: input.match,
          priority: input.priority,
          quietHours: input.quietHours,
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
