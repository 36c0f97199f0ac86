// An admin changes a policy's name, match, priority, quiet hours, repeats or
// tiers. notify_alert routes and reads the policy at each step, so an
// escalation in flight follows the change from its next step on. The policy is locked first, so the audit entry's `before`
// is exactly what the change replaced.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { EscalationPolicyDto, UpdateEscalationPolicyInput } from "../../contracts/notifications";
import { AppError } from "../../observability/app-error";
import { toPolicyDto } from "../../presenters/contacts/list-escalation-policies";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictOnDuplicate } from "../unique-violation";
import { assertPolicySites } from "./assert-policy-sites";
import { assertTenantContacts } from "./assert-tenant-contacts";
import { DEFAULT_POLICY_EXISTS } from "./create-escalation-policy";

export async function updateEscalationPolicy(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateEscalationPolicyInput,
): Promise<EscalationPolicyDto> {
  if (input.tiers) await assertTenantContacts(db, actor, input.tiers);
  if (input.match) await assertPolicySites(db, actor, input.match);
  return conflictOnDuplicate("match", DEFAULT_POLICY_EXISTS, () =>
    db.transaction(async (tx) => {
      const where = and(eq(escalationPolicies.tenantId, actor.tenantId), eq(escalationPolicies.id, id));
      const [before] = await tx.select().from(escalationPolicies).where(where).for("update");
      if (!before) throw new AppError("not_found", `No escalation policy ${id}.`);
      const [row] = await tx
        .update(escalationPolicies)
        .set({
          name: input.name,
          match: input.match,
          priority: input.priority,
          quietHours: input.quietHours,
          repeats: input.repeats,
          tiers: input.tiers,
        })
        .where(where)
        .returning();
      const after = toPolicyDto(row!);
      await recordAuditEvent(tx, actor, {
        action: "update",
        entityType: "escalation_policy",
        entityId: id,
        before: toPolicyDto(before),
        after,
      });
      return after;
    }),
  );
}
