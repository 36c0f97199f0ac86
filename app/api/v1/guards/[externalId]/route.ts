// PATCH /api/v1/guards/:externalId {name?, phone?, active?} - change a guard, or deactivate or reactivate them.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { updateGuard } from "@/server/services/guards/update-guard";

export const PATCH = apiRoute(op.updateGuard, ({ actor, params, body, runtime }) =>
  updateGuard(runtime.db, actor, params.externalId, body),
);
