// GET /api/v1/sites - the tenant's sites with their geofences.
// POST {name, timezone?, armedSchedule?, geofences: [...]} - create one (422 says why a fence is invalid).
import { siteInput } from "@/server/contracts/sites";
import { apiRoute, json } from "@/server/http/api-route";
import { listSites } from "@/server/presenters/sites/list-sites";
import { createSite } from "@/server/services/sites/save-site";

export const GET = apiRoute({ route: "/api/v1/sites" }, ({ actor, runtime }) => listSites(runtime.db, actor));

export const POST = apiRoute(
  { route: "/api/v1/sites", roles: ["admin", "manager"], body: siteInput },
  async ({ actor, body, runtime }) => json(await createSite(runtime, actor, body), 201),
);
