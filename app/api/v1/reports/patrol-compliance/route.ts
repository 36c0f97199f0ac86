// GET /api/v1/reports/patrol-compliance?from=&to=&format=json|csv&siteId=&guardId= - tour runs by day, site and tour.
import * as op from "@/server/contracts/operations/reports";
import { apiRoute } from "@/server/http/api-route";
import { reportResponse } from "@/server/http/report-response";
import { patrolComplianceReport } from "@/server/presenters/reports/patrol-compliance-report";

export const GET = apiRoute(op.patrolCompliance, async ({ actor, query, runtime }) =>
  reportResponse("patrol-compliance", query.format, await patrolComplianceReport(runtime.sql, actor, query)),
);
