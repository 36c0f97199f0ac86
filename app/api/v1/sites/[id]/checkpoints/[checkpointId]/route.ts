// GET /api/v1/sites/:id/checkpoints/:checkpointId - one checkpoint. PATCH - edit it. DELETE - remove it (and from its
// tours; refused while it is a tour's only checkpoint).
import { z } from "zod";
import { checkpointPatch } from "@/server/contracts/patrols";
import { apiRoute } from "@/server/http/api-route";
import { getCheckpoint } from "@/server/presenters/patrols/list-checkpoints";
import { deleteCheckpoint, updateCheckpoint } from "@/server/services/patrols/save-checkpoint";

const params = z.object({ id: z.uuid(), checkpointId: z.uuid() });
const route = "/api/v1/sites/:id/checkpoints/:checkpointId";

export const GET = apiRoute({ route, params }, ({ actor, params, runtime }) =>
  getCheckpoint(runtime.db, actor, params.id, params.checkpointId),
);

export const PATCH = apiRoute(
  { route, params, roles: ["admin", "manager"], body: checkpointPatch },
  ({ actor, params, body, runtime }) => updateCheckpoint(runtime.db, actor, params.id, params.checkpointId, body),
);

export const DELETE = apiRoute({ route, params, roles: ["admin", "manager"] }, async ({ actor, params, runtime }) => {
  await deleteCheckpoint(runtime.db, actor, params.id, params.checkpointId);
  return new Response(null, { status: 204 });
});
