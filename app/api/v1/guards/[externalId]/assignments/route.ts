// GET /api/v1/guards/:externalId/assignments - the guard's sites and shifts.
// POST {siteId, shifts?, timezone?} - assign (or re-assign) the guard to a site.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { listAssignments } from "@/server/presenters/sites/list-assignments";
import { assignGuard } from "@/server/services/assignments/assign-guard";

export const GET = apiRoute(op.listAssignments, ({ actor, params, runtime }) =>
  listAssignments(runtime.db, actor, params.externalId),
);

export const POST = apiRoute(op.assignGuard, ({ actor, params, body, runtime }) =>
  assignGuard(runtime.db, actor, params.externalId, body),
);
