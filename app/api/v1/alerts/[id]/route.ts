// GET /api/v1/alerts/:id - one alert with its event log and deliveries.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { getAlert } from "@/server/presenters/alerts/get-alert";

export const GET = apiRoute(op.getAlert, ({ actor, params, runtime }) => getAlert(runtime.db, actor, params.id));
