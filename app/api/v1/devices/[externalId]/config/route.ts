// PUT /api/v1/devices/:externalId/config {config} - publish a new retained, versioned configuration. GET - versions and when applied.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { listDeviceConfigs } from "@/server/presenters/devices/list-device-downlink";
import { setDeviceConfig } from "@/server/services/commands/set-device-config";

export const GET = apiRoute(op.listDeviceConfigs, ({ actor, params, runtime }) =>
  listDeviceConfigs(runtime.db, actor, params.externalId),
);

export const PUT = apiRoute(op.setDeviceConfig, async ({ actor, params, body, runtime }) => {
  const saved = await setDeviceConfig(runtime.db, actor, params.externalId, body.config);
  return { version: saved.version, createdAt: saved.createdAt.toISOString() };
});
