// GET /api/v1/escalation-policies?limit=&cursor=. POST {name, match?, priority?, quietHours?, repeats?, tiers: [{contactIds, channels, delaySeconds, fallback?}]}.
import * as op from "@/server/contracts/operations/notifications";
import { apiRoute } from "@/server/http/api-route";
import { listEscalationPolicies } from "@/server/presenters/contacts/list-escalation-policies";
import { createEscalationPolicy } from "@/server/services/contacts/create-escalation-policy";

export const GET = apiRoute(op.listEscalationPolicies, ({ actor, query, runtime }) =>
  listEscalationPolicies(runtime.db, actor, query),
);

export const POST = apiRoute(op.createEscalationPolicy, ({ actor, body, runtime }) =>
  createEscalationPolicy(runtime.db, actor, body),
);
