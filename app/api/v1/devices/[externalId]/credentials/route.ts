// POST /api/v1/devices/:externalId/credentials - rotate: a new MQTT password, shown once.
import { z } from "zod";
import { apiRoute, json } from "@/server/http/api-route";
import { rotateDeviceCredentials } from "@/server/services/devices/rotate-device-credentials";

export const POST = apiRoute(
  {
    route: "/api/v1/devices/:externalId/credentials",
    roles: ["admin"],
    params: z.object({ externalId: z.string().min(1).max(128) }),
  },
  async ({ actor, params, runtime }) => json(await rotateDeviceCredentials(runtime.db, actor, params.externalId), 201),
);
