// GET /api/v1/guards/:externalId/locations?since=&until= - the guard's fixes, oldest first.
import { z } from "zod";
import { timeRangeQuery } from "@/server/contracts/api";
import { apiRoute } from "@/server/http/api-route";
import { listGuardLocations } from "@/server/presenters/guards/list-guard-locations";

export const GET = apiRoute(
  {
    route: "/api/v1/guards/:externalId/locations",
    params: z.object({ externalId: z.string().min(1).max(128) }),
    query: timeRangeQuery,
  },
  ({ actor, params, query, runtime }) =>
    listGuardLocations(runtime.db, actor, { externalId: params.externalId, ...query }),
);
