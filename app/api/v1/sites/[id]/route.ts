// GET /api/v1/sites/:id - one site. PUT - replace it (fences given with their id are kept). DELETE - remove it.
import { z } from "zod";
import { siteInput } from "@/server/contracts/sites";
import { apiRoute } from "@/server/http/api-route";
import { getSite } from "@/server/presenters/sites/list-sites";
import { deleteSite, replaceSite } from "@/server/services/sites/save-site";

const params = z.object({ id: z.uuid() });
const route = "/api/v1/sites/:id";

export const GET = apiRoute({ route, params }, ({ actor, params, runtime }) => getSite(runtime.db, actor, params.id));

export const PUT = apiRoute(
  { route, params, roles: ["admin", "manager"], body: siteInput },
  ({ actor, params, body, runtime }) => replaceSite(runtime, actor, params.id, body),
);

export const DELETE = apiRoute({ route, params, roles: ["admin", "manager"] }, async ({ actor, params, runtime }) => {
  await deleteSite(runtime, actor, params.id);
  return new Response(null, { status: 204 });
});
