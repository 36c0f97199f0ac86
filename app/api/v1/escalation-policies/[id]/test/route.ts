// POST /api/v1/escalation-policies/:id/test - send a test notification through the policy's first tier.
import * as op from "@/server/contracts/operations/notifications";
import { apiRoute } from "@/server/http/api-route";
import { testEscalationPolicy } from "@/server/services/contacts/test-escalation-policy";

export const POST = apiRoute(op.testEscalationPolicy, ({ actor, params, runtime }) =>
  testEscalationPolicy(runtime.db, actor, params.id),
);
