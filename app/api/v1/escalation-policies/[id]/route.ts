// PATCH /api/v1/escalation-policies/:id {name?, match?, priority?, quietHours?, repeats?, tiers?} - change a policy.
// DELETE /api/v1/escalation-policies/:id - remove it (recorded).
import * as op from "@/server/contracts/operations/notifications";
import { apiRoute } from "@/server/http/api-route";
import { deleteEscalationPolicy } from "@/server/services/contacts/delete-escalation-policy";
import { updateEscalationPolicy } from "@/server/services/contacts/update-escalation-policy";

export const PATCH = apiRoute(op.updateEscalationPolicy, ({ actor, params, body, runtime }) =>
  updateEscalationPolicy(runtime.db, actor, params.id, body),
);

export const DELETE = apiRoute(op.deleteEscalationPolicy, ({ actor, params, runtime }) =>
  deleteEscalationPolicy(runtime.db, actor, params.id),
);
