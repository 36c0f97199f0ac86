// GET /api/v1/devices?limit=&cursor= - the tenant's devices, a page at a time.
// POST - register a device; the response carries its MQTT credentials once.
import { registerDeviceInput } from "@/server/contracts/api";
import { pageQuery } from "@/server/contracts/pagination";
import { apiRoute, json } from "@/server/http/api-route";
import { listDevices } from "@/server/presenters/devices/list-devices";
import { registerDevice } from "@/server/services/devices/register-device";

export const GET = apiRoute({ route: "/api/v1/devices", query: pageQuery }, ({ actor, query, runtime }) =>
  listDevices(runtime.db, actor, query),
);

export const POST = apiRoute(
  { route: "/api/v1/devices", roles: ["admin"], body: registerDeviceInput },
  async ({ actor, body, runtime }) =>
    json(await registerDevice(runtime.db, actor, body, { serviceUsername: runtime.env.MQTT_USERNAME }), 201),
);
