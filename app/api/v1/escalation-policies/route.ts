// GET /api/v1/escalation-policies. POST {name, siteId?, repeats?, tiers: [{contactIds, channels, delaySeconds}]}.
import { createEscalationPolicyInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listEscalationPolicies } from "@/server/presenters/contacts/list-escalation-policies";
import { createEscalationPolicy } from "@/server/services/contacts/create-escalation-policy";

export const GET = apiRoute({ route: "/api/v1/escalation-policies" }, ({ actor, runtime }) =>
  listEscalationPolicies(runtime.db, actor),
);

export const POST = apiRoute(
  { route: "/api/v1/escalation-policies", roles: ["admin"], body: createEscalationPolicyInput },
  async ({ actor, body, runtime }) => json(await createEscalationPolicy(runtime.db, actor, body), 201),
);
