// GET /api/v1/guards/:externalId/assignments - the guard's sites and shifts.
// POST {siteId, shifts?, timezone?} - assign (or re-assign) the guard to a site.
import { z } from "zod";
import { assignmentInput } from "@/server/contracts/sites";
import { apiRoute, json } from "@/server/http/api-route";
import { listAssignments } from "@/server/presenters/sites/list-assignments";
import { assignGuard } from "@/server/services/assignments/assign-guard";

const params = z.object({ externalId: z.string().min(1).max(128) });
const route = "/api/v1/guards/:externalId/assignments";

export const GET = apiRoute({ route, params }, ({ actor, params, runtime }) =>
  listAssignments(runtime.db, actor, params.externalId),
);

export const POST = apiRoute(
  { route, params, roles: ["admin", "manager"], body: assignmentInput },
  async ({ actor, params, body, runtime }) => json(await assignGuard(runtime.db, actor, params.externalId, body), 201),
);
