// POST /api/v1/alerts/:id/resolve {outcome: real|false_alarm|test, note?} - close the alert.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { resolveAlert } from "@/server/services/alerts/resolve-alert";

export const POST = apiRoute(op.resolveAlert, ({ actor, params, body, channel, runtime }) =>
  resolveAlert(runtime, actor, params.id, body, channel),
);
