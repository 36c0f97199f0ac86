// GET /api/v1/guards/:externalId/locations?since=&until= - the guard's fixes, oldest first.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { listGuardLocations } from "@/server/presenters/guards/list-guard-locations";

export const GET = apiRoute(op.listGuardLocations, ({ actor, params, query, runtime }) =>
  listGuardLocations(runtime.db, actor, { externalId: params.externalId, ...query }),
);
