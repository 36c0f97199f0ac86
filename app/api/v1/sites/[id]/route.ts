// GET /api/v1/sites/:id - one site. PUT - replace it (fences given with their id are kept). DELETE - remove it.
import * as op from "@/server/contracts/operations/sites";
import { apiRoute } from "@/server/http/api-route";
import { getSite } from "@/server/presenters/sites/list-sites";
import { deleteSite, replaceSite } from "@/server/services/sites/save-site";

export const GET = apiRoute(op.getSite, ({ actor, params, runtime }) => getSite(runtime.db, actor, params.id));

export const PUT = apiRoute(op.replaceSite, ({ actor, params, body, runtime }) =>
  replaceSite(runtime, actor, params.id, body),
);

export const DELETE = apiRoute(op.deleteSite, ({ actor, params, runtime }) => deleteSite(runtime, actor, params.id));
