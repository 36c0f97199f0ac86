// DELETE /api/v1/guards/:externalId/assignments/:siteId - the guard no longer works at that site.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { unassignGuard } from "@/server/services/assignments/assign-guard";

export const DELETE = apiRoute(op.unassignGuard, ({ actor, params, runtime }) =>
  unassignGuard(runtime.db, actor, params.externalId, params.siteId),
);
