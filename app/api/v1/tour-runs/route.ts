// GET /api/v1/tour-runs?siteId=&guardExternalId=&status=&from=&to=&limit= - patrol runs, newest first, with each
// checkpoint's visit (time, method, guard) or miss.
import * as op from "@/server/contracts/operations/patrols";
import { apiRoute } from "@/server/http/api-route";
import { listTourRuns } from "@/server/presenters/patrols/list-tour-runs";

export const GET = apiRoute(op.listTourRuns, ({ actor, query, runtime }) => listTourRuns(runtime.sql, actor, query));
