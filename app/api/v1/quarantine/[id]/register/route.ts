// POST /api/v1/quarantine/:id/register {kind, name?} - register the unknown device behind a quarantined message.
import * as op from "@/server/contracts/operations/quarantine";
import { apiRoute } from "@/server/http/api-route";
import { deviceAddresses } from "@/server/http/device-addresses";
import { withOnboarding } from "@/server/services/devices/onboarding-links";
import { registerQuarantinedDevice } from "@/server/services/devices/register-quarantined-device";

export const POST = apiRoute(op.registerQuarantinedDevice, async ({ actor, params, body, request, runtime }) =>
  withOnboarding(
    await registerQuarantinedDevice(
      runtime.db,
      actor,
      { quarantineId: params.id, ...body },
      { serviceUsername: runtime.env.MQTT_USERNAME },
    ),
    deviceAddresses(runtime.env, request),
  ),
);
