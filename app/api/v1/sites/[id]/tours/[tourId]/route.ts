// GET /api/v1/sites/:id/tours/:tourId - one tour. PATCH - edit it (runs already due keep their checkpoints).
// DELETE - end it (no more runs; past runs stay in the history).
import * as op from "@/server/contracts/operations/patrols";
import { apiRoute } from "@/server/http/api-route";
import { getTour } from "@/server/presenters/patrols/list-tours";
import { deleteTour, updateTour } from "@/server/services/patrols/save-tour";

export const GET = apiRoute(op.getTour, ({ actor, params, runtime }) =>
  getTour(runtime.db, actor, params.id, params.tourId),
);

export const PATCH = apiRoute(op.updateTour, ({ actor, params, body, runtime }) =>
  updateTour(runtime.db, actor, params.id, params.tourId, body),
);

export const DELETE = apiRoute(op.deleteTour, ({ actor, params, runtime }) =>
  deleteTour(runtime.db, actor, params.id, params.tourId),
);
