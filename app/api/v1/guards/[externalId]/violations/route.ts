// GET /api/v1/guards/:externalId/violations?since=&until= - the guard's geofence violations, oldest first.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { listGuardViolations } from "@/server/presenters/guards/list-guard-violations";

export const GET = apiRoute(op.listGuardViolations, ({ actor, params, query, runtime }) =>
  listGuardViolations(runtime.db, actor, { externalId: params.externalId, ...query }),
);
