// DELETE /api/v1/guards/:externalId/assignments/:siteId - the guard no longer works at that site.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { unassignGuard } from "@/server/services/assignments/assign-guard";

export const DELETE = apiRoute(
  {
    route: "/api/v1/guards/:externalId/assignments/:siteId",
    params: z.object({ externalId: z.string().min(1).max(128), siteId: z.uuid() }),
    roles: ["admin", "manager"],
  },
  async ({ actor, params, runtime }) => {
    await unassignGuard(runtime.db, actor, params.externalId, params.siteId);
    return new Response(null, { status: 204 });
  },
);
