// GET /api/v1/alerts?status=&severity=&siteId=&limit=&offset= - alerts, most severe first, then newest.
import { listAlertsQuery } from "@/server/contracts/api";
import { apiRoute } from "@/server/http/api-route";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";

export const GET = apiRoute({ route: "/api/v1/alerts", query: listAlertsQuery }, ({ actor, query, runtime }) =>
  listAlerts(runtime.db, actor, query),
);
