// An admin removes a policy; the removal is recorded with the policy as it was.
// Nothing else points at a policy (deliveries name the contact), so the row goes;
// escalations in flight find the default policy, or none, at their next step.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { toPolicyDto } from "../../presenters/contacts/list-escalation-policies";
import { recordAuditEvent } from "../audit/record-audit-event";
import { recordDeletion } from "../record-deletion";

export async function deleteEscalationPolicy(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(escalationPolicies)
      .where(and(eq(escalationPolicies.tenantId, actor.tenantId), eq(escalationPolicies.id, id)))
      .returning();
    if (!row) throw new AppError("not_found", `No escalation policy ${id}.`);
    await recordAuditEvent(tx, actor, {
      action: "delete",
      entityType: "escalation_policy",
      entityId: row.id,
      before: toPolicyDto(row),
    });
    await recordDeletion(tx, actor, {
      kind: "escalation-policy",
      entityId: row.id,
      label: row.name,
      before: { name: row.name, match: row.match, priority: row.priority, repeats: row.repeats, tiers: row.tiers },
    });
  });
}
