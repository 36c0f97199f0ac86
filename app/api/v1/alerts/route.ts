// GET /api/v1/alerts?status=&severity=&siteId=&limit=&offset= - alerts, most severe first, then newest.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";

export const GET = apiRoute(op.listAlerts, ({ actor, query, runtime }) => listAlerts(runtime.db, actor, query));
