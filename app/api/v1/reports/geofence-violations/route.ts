// GET /api/v1/reports/geofence-violations?from=&to=&format=json|csv&siteId=&guardId= - violations by day, site and guard.
import * as op from "@/server/contracts/operations/reports";
import { apiRoute } from "@/server/http/api-route";
import { reportResponse } from "@/server/http/report-response";
import { geofenceViolationsReport } from "@/server/presenters/reports/geofence-violations-report";

export const GET = apiRoute(op.geofenceViolations, async ({ actor, query, runtime }) =>
  reportResponse("geofence-violations", query.format, await geofenceViolationsReport(runtime.db, actor, query)),
);
