// GET /api/v1/guards/:externalId/violations?since=&until= - the guard's geofence violations, oldest first.
import { z } from "zod";
import { timeRangeQuery } from "@/server/contracts/api";
import { apiRoute } from "@/server/http/api-route";
import { listGuardViolations } from "@/server/presenters/guards/list-guard-violations";

export const GET = apiRoute(
  {
    route: "/api/v1/guards/:externalId/violations",
    params: z.object({ externalId: z.string().min(1).max(128) }),
    query: timeRangeQuery,
  },
  ({ actor, params, query, runtime }) =>
    listGuardViolations(runtime.db, actor, { externalId: params.externalId, ...query }),
);
