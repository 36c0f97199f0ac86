// GET /api/v1/devices/:externalId - one device with its latest telemetry and system health. DELETE - remove it (disconnected within 5 s).
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { getDevice } from "@/server/presenters/devices/get-device";
import { listSystemComponents } from "@/server/presenters/devices/list-system-components";
import { deleteDevice } from "@/server/services/devices/delete-device";

export const GET = apiRoute(op.getDevice, async ({ actor, params, runtime }) => {
  const device = await getDevice(runtime.db, actor, params.externalId);
  return { ...device, components: await listSystemComponents(runtime.db, actor, device.id) };
});

export const DELETE = apiRoute(op.deleteDevice, ({ actor, params, runtime }) =>
  deleteDevice(runtime.db, actor, params.externalId),
);
