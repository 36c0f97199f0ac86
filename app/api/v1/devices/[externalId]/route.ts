// GET /api/v1/devices/:externalId - one device with its latest telemetry and system health.
// PATCH {name?, guardExternalId?, siteId?} - rename it or move it to another guard or site.
// DELETE - remove it (disconnected within 5 s; recorded).
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { getDevice } from "@/server/presenters/devices/get-device";
import { listSystemComponents } from "@/server/presenters/devices/list-system-components";
import { deleteDevice } from "@/server/services/devices/delete-device";
import { updateDevice } from "@/server/services/devices/update-device";

export const GET = apiRoute(op.getDevice, async ({ actor, params, runtime }) => {
  const device = await getDevice(runtime.db, actor, params.externalId);
  return { ...device, components: await listSystemComponents(runtime.db, actor, device.id) };
});

export const PATCH = apiRoute(op.updateDevice, ({ actor, params, body, runtime }) =>
  updateDevice(runtime.db, actor, params.externalId, body),
);

export const DELETE = apiRoute(op.deleteDevice, ({ actor, params, runtime }) =>
  deleteDevice(runtime.db, actor, params.externalId),
);
