// PUT /api/v1/guards/:externalId/pins {pin, duressPin} - an admin sets the guard's PIN and duress PIN.
import * as op from "@/server/contracts/operations/guards";
import { apiRoute } from "@/server/http/api-route";
import { setGuardPins } from "@/server/services/guards/set-guard-pins";

export const PUT = apiRoute(op.setGuardPins, async ({ actor, params, body, runtime }) => {
  await setGuardPins(runtime.db, actor, params.externalId, body);
});
