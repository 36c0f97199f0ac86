// GET /api/v1/sites/:id/checkpoints - the site's checkpoints. POST {name, code?, lat?, lon?, radiusM?} - add one
// (a code not given is generated, unguessable).
import * as op from "@/server/contracts/operations/patrols";
import { apiRoute, json } from "@/server/http/api-route";
import { listCheckpoints } from "@/server/presenters/patrols/list-checkpoints";
import { createCheckpoint } from "@/server/services/patrols/save-checkpoint";
import { requireTenantSite } from "@/server/services/sites/assert-tenant-site";

export const GET = apiRoute(op.listCheckpoints, async ({ actor, params, runtime }) => {
  await requireTenantSite(runtime.db, actor, params.id);
  return listCheckpoints(runtime.db, actor, params.id);
});

export const POST = apiRoute(op.createCheckpoint, async ({ actor, params, body, runtime }) =>
  json(await createCheckpoint(runtime.db, actor, params.id, body), 201),
);
