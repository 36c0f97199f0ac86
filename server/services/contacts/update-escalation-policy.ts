// An admin changes a policy's name, repeats or tiers. notify_alert reads the
// policy at each step, so an escalation in flight follows the new tiers from
// its next step on.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { escalationPolicies } from "../../../db/schema";
import type { EscalationPolicyDto, UpdateEscalationPolicyInput } from "../../contracts/api";
import { AppError } from "../../observability/app-error";
import { toPolicyDto } from "../../presenters/contacts/list-escalation-policies";
import type { Actor } from "../../auth/actor";
import { assertTenantContacts } from "./assert-tenant-contacts";

export async function updateEscalationPolicy(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateEscalationPolicyInput,
): Promise<EscalationPolicyDto> {
  if (input.tiers) await assertTenantContacts(db, actor, input.tiers);
  const [row] = await db
    .update(escalationPolicies)
    .set({ name: input.name, repeats: input.repeats, tiers: input.tiers })
    .where(and(eq(escalationPolicies.tenantId, actor.tenantId), eq(escalationPolicies.id, id)))
    .returning();
  if (!row) throw new AppError("not_found", `No escalation policy ${id}.`);
  return toPolicyDto(row);
}
