// PUT /api/v1/devices/:externalId/config {config} - publish a new retained, versioned configuration. GET - versions and when applied.
import { z } from "zod";
import { setConfigInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listDeviceConfigs } from "@/server/presenters/devices/list-device-downlink";
import { setDeviceConfig } from "@/server/services/commands/set-device-config";

const params = z.object({ externalId: z.string().min(1).max(128) });

export const GET = apiRoute(
  { route: "/api/v1/devices/:externalId/config", roles: ["admin"], params },
  ({ actor, params, runtime }) => listDeviceConfigs(runtime.db, actor, params.externalId),
);

export const PUT = apiRoute(
  { route: "/api/v1/devices/:externalId/config", roles: ["admin"], params, body: setConfigInput },
  async ({ actor, params, body, runtime }) => {
    const saved = await setDeviceConfig(runtime.db, actor, params.externalId, body.config);
    return json({ version: saved.version, createdAt: saved.createdAt.toISOString() }, 201);
  },
);
