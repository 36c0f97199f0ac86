// GET /api/v1/sites/:id/tours - the site's tours. POST {name, checkpointIds, ordered, startAt, windowMinutes,
// repeatMinutes?, guardExternalId?} - add one.
import * as op from "@/server/contracts/operations/patrols";
import { apiRoute, json } from "@/server/http/api-route";
import { listTours } from "@/server/presenters/patrols/list-tours";
import { createTour } from "@/server/services/patrols/save-tour";
import { requireTenantSite } from "@/server/services/sites/assert-tenant-site";

export const GET = apiRoute(op.listTours, async ({ actor, params, runtime }) => {
  await requireTenantSite(runtime.db, actor, params.id);
  return listTours(runtime.db, actor, params.id);
});

export const POST = apiRoute(op.createTour, async ({ actor, params, body, runtime }) =>
  json(await createTour(runtime.db, actor, params.id, body), 201),
);
