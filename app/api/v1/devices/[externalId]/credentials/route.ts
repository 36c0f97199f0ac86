// POST /api/v1/devices/:externalId/credentials - rotate: a new MQTT password, shown once.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { rotateDeviceCredentials } from "@/server/services/devices/rotate-device-credentials";

export const POST = apiRoute(op.rotateDeviceCredentials, ({ actor, params, runtime }) =>
  rotateDeviceCredentials(runtime.db, actor, params.externalId),
);
