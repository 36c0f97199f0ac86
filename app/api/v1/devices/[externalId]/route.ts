// GET /api/v1/devices/:externalId - one device with its latest telemetry and system health. DELETE - remove it (disconnected within 5 s).
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { getDevice } from "@/server/presenters/devices/get-device";
import { listSystemComponents } from "@/server/presenters/devices/list-system-components";
import { deleteDevice } from "@/server/services/devices/delete-device";

const params = z.object({ externalId: z.string().min(1).max(128) });

export const GET = apiRoute({ route: "/api/v1/devices/:externalId", params }, async ({ actor, params, runtime }) => {
  const device = await getDevice(runtime.db, actor, params.externalId);
  return { ...device, components: await listSystemComponents(runtime.db, actor, device.id) };
});

export const DELETE = apiRoute(
  { route: "/api/v1/devices/:externalId", roles: ["admin"], params },
  async ({ actor, params, runtime }) => {
    await deleteDevice(runtime.db, actor, params.externalId);
    return new Response(null, { status: 204 });
  },
);
