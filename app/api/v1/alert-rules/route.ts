// GET /api/v1/alert-rules - the tenant's alert rules. PUT {severities?, disabled?, lowBatteryPercent?} - replace them.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { getAlertRules } from "@/server/presenters/alerts/get-alert-rules";
import { setAlertRules } from "@/server/services/alerts/set-alert-rules";

export const GET = apiRoute(op.getAlertRules, ({ actor, runtime }) => getAlertRules(runtime.db, actor));

export const PUT = apiRoute(op.setAlertRules, ({ actor, body, runtime }) => setAlertRules(runtime.db, actor, body));
