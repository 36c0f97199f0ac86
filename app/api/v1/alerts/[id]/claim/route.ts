// POST /api/v1/alerts/:id/claim - take an open alert; 409 names who already has it.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { claimAlert } from "@/server/services/alerts/claim-alert";

export const POST = apiRoute(op.claimAlert, ({ actor, params, channel, runtime }) =>
  claimAlert(runtime, actor, params.id, channel),
);
