// GET /api/v1/devices/:externalId - one device with its latest telemetry. DELETE - remove it (disconnected within 5 s).
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { getDevice } from "@/server/presenters/devices/get-device";
import { deleteDevice } from "@/server/services/devices/delete-device";

const params = z.object({ externalId: z.string().min(1).max(128) });

export const GET = apiRoute({ route: "/api/v1/devices/:externalId", params }, ({ actor, params, runtime }) =>
  getDevice(runtime.db, actor, params.externalId),
);

export const DELETE = apiRoute(
  { route: "/api/v1/devices/:externalId", roles: ["admin"], params },
  async ({ actor, params, runtime }) => {
    await deleteDevice(runtime.db, actor, params.externalId);
    return new Response(null, { status: 204 });
  },
);
