// POST /api/v1/alerts/:id/acknowledge - NEW -> ACKNOWLEDGED; 409 names who was first.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { acknowledgeAlert } from "@/server/services/alerts/acknowledge-alert";

export const POST = apiRoute(op.acknowledgeAlert, ({ actor, params, channel, runtime }) =>
  acknowledgeAlert(runtime, actor, params.id, channel),
);
