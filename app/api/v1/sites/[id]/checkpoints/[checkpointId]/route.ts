// GET /api/v1/sites/:id/checkpoints/:checkpointId - one checkpoint. PATCH - edit it. DELETE - remove it (and from its
// tours; refused while it is a tour's only checkpoint).
import * as op from "@/server/contracts/operations/patrols";
import { apiRoute } from "@/server/http/api-route";
import { getCheckpoint } from "@/server/presenters/patrols/list-checkpoints";
import { deleteCheckpoint, updateCheckpoint } from "@/server/services/patrols/save-checkpoint";

export const GET = apiRoute(op.getCheckpoint, ({ actor, params, runtime }) =>
  getCheckpoint(runtime.db, actor, params.id, params.checkpointId),
);

export const PATCH = apiRoute(op.updateCheckpoint, ({ actor, params, body, runtime }) =>
  updateCheckpoint(runtime.db, actor, params.id, params.checkpointId, body),
);

export const DELETE = apiRoute(op.deleteCheckpoint, ({ actor, params, runtime }) =>
  deleteCheckpoint(runtime.db, actor, params.id, params.checkpointId),
);
