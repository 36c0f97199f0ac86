// GET /api/v1/reports/geofence-violations?from=&to=&format=json|csv&siteId=&guardId= - violations by day, site and guard.
import { reportQuery, reportRoles } from "@/server/contracts/reports";
import { apiRoute } from "@/server/http/api-route";
import { reportResponse } from "@/server/http/report-response";
import { geofenceViolationsReport } from "@/server/presenters/reports/geofence-violations-report";

export const GET = apiRoute(
  { route: "/api/v1/reports/geofence-violations", roles: reportRoles, query: reportQuery },
  async ({ actor, query, runtime }) =>
    reportResponse("geofence-violations", query.format, await geofenceViolationsReport(runtime.db, actor, query)),
);
