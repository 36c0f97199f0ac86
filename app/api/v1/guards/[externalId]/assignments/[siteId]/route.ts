// PATCH /api/v1/guards/:externalId/assignments/:siteId - change shifts, time zone or check-in settings.
// DELETE /api/v1/guards/:externalId/assignments/:siteId - the guard no longer works at that site.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { unassignGuard } from "@/server/services/assignments/assign-guard";
import { updateAssignment } from "@/server/services/assignments/update-assignment";

export const PATCH = apiRoute(op.updateAssignment, ({ actor, params, body, runtime }) =>
  updateAssignment(runtime.db, actor, params.externalId, params.siteId, body),
);

export const DELETE = apiRoute(op.unassignGuard, ({ actor, params, runtime }) =>
  unassignGuard(runtime.db, actor, params.externalId, params.siteId),
);
