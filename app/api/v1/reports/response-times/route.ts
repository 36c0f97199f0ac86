// GET /api/v1/reports/response-times?from=&to=&format=json|csv&siteId=&guardId= - per site, median and p90 from raised to acknowledged and to resolved.
import * as op from "@/server/contracts/operations/reports";
import { apiRoute } from "@/server/http/api-route";
import { reportResponse } from "@/server/http/report-response";
import { responseTimesReport } from "@/server/presenters/reports/response-times-report";

export const GET = apiRoute(op.responseTimes, async ({ actor, query, runtime }) =>
  reportResponse("response-times", query.format, await responseTimesReport(runtime.db, actor, query)),
);
