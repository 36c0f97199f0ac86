// GET /api/v1/alert-rules - the tenant's alert rules. PUT {severities?, disabled?, lowBatteryPercent?} - replace them.
import { alertRulesInput } from "@/server/contracts/alert-rules";
import { apiRoute } from "@/server/http/api-route";
import { getAlertRules } from "@/server/presenters/alerts/get-alert-rules";
import { setAlertRules } from "@/server/services/alerts/set-alert-rules";

export const GET = apiRoute({ route: "/api/v1/alert-rules" }, ({ actor, runtime }) => getAlertRules(runtime.db, actor));

export const PUT = apiRoute(
  { route: "/api/v1/alert-rules", roles: ["admin"], body: alertRulesInput },
  ({ actor, body, runtime }) => setAlertRules(runtime.db, actor, body),
);
