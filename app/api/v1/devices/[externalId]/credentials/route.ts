// POST /api/v1/devices/:externalId/credentials - rotate: a new MQTT password and tracking key, shown once with the links that configure a phone.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { deviceAddresses } from "@/server/http/device-addresses";
import { withOnboarding } from "@/server/services/devices/onboarding-links";
import { rotateDeviceCredentials } from "@/server/services/devices/rotate-device-credentials";

export const POST = apiRoute(op.rotateDeviceCredentials, async ({ actor, params, request, runtime }) =>
  withOnboarding(
    await rotateDeviceCredentials(runtime.db, actor, params.externalId),
    deviceAddresses(runtime.env, request),
  ),
);
