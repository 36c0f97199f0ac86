// GET /api/v1/devices?limit=&cursor= - the tenant's devices, a page at a time.
// POST - register a device; the response carries its MQTT credentials once.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { deviceAddresses } from "@/server/http/device-addresses";
import { withOnboarding } from "@/server/services/devices/onboarding-links";
import { listDevices } from "@/server/presenters/devices/list-devices";
import { registerDevice } from "@/server/services/devices/register-device";

export const GET = apiRoute(op.listDevices, ({ actor, query, runtime }) => listDevices(runtime.db, actor, query));

export const POST = apiRoute(op.registerDevice, async ({ actor, body, request, runtime }) =>
  withOnboarding(
    await registerDevice(runtime.db, actor, body, { serviceUsername: runtime.env.MQTT_USERNAME }),
    deviceAddresses(runtime.env, request),
  ),
);
