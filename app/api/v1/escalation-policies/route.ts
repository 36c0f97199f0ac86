// GET /api/v1/escalation-policies?limit=&cursor=. POST {name, siteId?, repeats?, tiers: [{contactIds, channels, delaySeconds}]}.
import { createEscalationPolicyInput } from "@/server/contracts/api";
import { pageQuery } from "@/server/contracts/pagination";
import { apiRoute, json } from "@/server/http/api-route";
import { listEscalationPolicies } from "@/server/presenters/contacts/list-escalation-policies";
import { createEscalationPolicy } from "@/server/services/contacts/create-escalation-policy";

export const GET = apiRoute(
  { route: "/api/v1/escalation-policies", roles: ["admin"], query: pageQuery },
  ({ actor, query, runtime }) => listEscalationPolicies(runtime.db, actor, query),
);

export const POST = apiRoute(
  { route: "/api/v1/escalation-policies", roles: ["admin"], body: createEscalationPolicyInput },
  async ({ actor, body, runtime }) => json(await createEscalationPolicy(runtime.db, actor, body), 201),
);
