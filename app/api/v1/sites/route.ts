// GET /api/v1/sites - the tenant's sites with their geofences.
// POST {name, timezone?, armedSchedule?, geofences: [...]} - create one (422 says why a fence is invalid).
import * as op from "@/server/contracts/operations/sites";
import { apiRoute } from "@/server/http/api-route";
import { listSites } from "@/server/presenters/sites/list-sites";
import { createSite } from "@/server/services/sites/save-site";

export const GET = apiRoute(op.listSites, ({ actor, runtime }) => listSites(runtime.db, actor));

export const POST = apiRoute(op.createSite, ({ actor, body, runtime }) => createSite(runtime, actor, body));
