// GET /api/v1/tour-runs?siteId=&guardExternalId=&from=&to=&limit= - patrol runs, newest first, with each
// checkpoint's visit (time, method, guard) or miss.
import { tourRunsQuery } from "@/server/contracts/patrols";
import { apiRoute } from "@/server/http/api-route";
import { listTourRuns } from "@/server/presenters/patrols/list-tour-runs";

export const GET = apiRoute({ route: "/api/v1/tour-runs", query: tourRunsQuery }, ({ actor, query, runtime }) =>
  listTourRuns(runtime.sql, actor, query),
);
