// GET /api/v1/devices/:externalId - one device with its latest telemetry.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { getDevice } from "@/server/presenters/devices/get-device";

export const GET = apiRoute(
  { route: "/api/v1/devices/:externalId", params: z.object({ externalId: z.string().min(1).max(128) }) },
  ({ actor, params, runtime }) => getDevice(runtime.db, actor, params.externalId),
);
