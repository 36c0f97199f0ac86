// GET /api/v1/devices - the tenant's devices. POST - register a device; the response carries its MQTT credentials once.
import { registerDeviceInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listDevices } from "@/server/presenters/devices/list-devices";
import { registerDevice } from "@/server/services/devices/register-device";

export const GET = apiRoute({ route: "/api/v1/devices" }, ({ actor, runtime }) => listDevices(runtime.db, actor));

export const POST = apiRoute(
  { route: "/api/v1/devices", roles: ["admin"], body: registerDeviceInput },
  async ({ actor, body, runtime }) => json(await registerDevice(runtime.db, actor, body), 201),
);
