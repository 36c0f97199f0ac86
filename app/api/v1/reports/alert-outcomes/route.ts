// GET /api/v1/reports/alert-outcomes?from=&to=&format=json|csv&siteId=&guardId= - alerts by type and outcome, with the false-alarm rate.
import * as op from "@/server/contracts/operations/reports";
import { apiRoute } from "@/server/http/api-route";
import { reportResponse } from "@/server/http/report-response";
import { alertOutcomesReport } from "@/server/presenters/reports/alert-outcomes-report";

export const GET = apiRoute(op.alertOutcomes, async ({ actor, query, runtime }) =>
  reportResponse("alert-outcomes", query.format, await alertOutcomesReport(runtime.db, actor, query)),
);
