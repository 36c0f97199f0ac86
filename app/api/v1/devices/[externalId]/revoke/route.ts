// POST /api/v1/devices/:externalId/revoke - the device's credentials stop working; it is disconnected within 5 s.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { revokeDevice } from "@/server/services/devices/revoke-device";

export const POST = apiRoute(op.revokeDevice, ({ actor, params, runtime }) =>
  revokeDevice(runtime.db, actor, params.externalId),
);
