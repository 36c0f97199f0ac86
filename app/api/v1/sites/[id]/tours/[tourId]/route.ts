// GET /api/v1/sites/:id/tours/:tourId - one tour. PATCH - edit it (runs already due keep their checkpoints).
// DELETE - end it (no more runs; past runs stay in the history).
import { z } from "zod";
import { tourPatch } from "@/server/contracts/patrols";
import { apiRoute } from "@/server/http/api-route";
import { getTour } from "@/server/presenters/patrols/list-tours";
import { deleteTour, updateTour } from "@/server/services/patrols/save-tour";

const params = z.object({ id: z.uuid(), tourId: z.uuid() });
const route = "/api/v1/sites/:id/tours/:tourId";

export const GET = apiRoute({ route, params }, ({ actor, params, runtime }) =>
  getTour(runtime.db, actor, params.id, params.tourId),
);

export const PATCH = apiRoute(
  { route, params, roles: ["admin", "manager"], body: tourPatch },
  ({ actor, params, body, runtime }) => updateTour(runtime.db, actor, params.id, params.tourId, body),
);

export const DELETE = apiRoute({ route, params, roles: ["admin", "manager"] }, async ({ actor, params, runtime }) => {
  await deleteTour(runtime.db, actor, params.id, params.tourId);
  return new Response(null, { status: 204 });
});
