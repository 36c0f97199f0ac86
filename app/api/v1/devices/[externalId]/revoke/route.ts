// POST /api/v1/devices/:externalId/revoke - the device's credentials stop working; it is disconnected within 5 s.
import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { revokeDevice } from "@/server/services/devices/revoke-device";

export const POST = apiRoute(
  {
    route: "/api/v1/devices/:externalId/revoke",
    roles: ["admin"],
    params: z.object({ externalId: z.string().min(1).max(128) }),
  },
  ({ actor, params, runtime }) => revokeDevice(runtime.db, actor, params.externalId),
);
