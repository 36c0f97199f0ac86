// GET /api/v1/devices/:externalId/telemetry?since=&until=&limit=&cursor= - the device's telemetry over time, oldest first.
import * as op from "@/server/contracts/operations/device-history";
import { apiRoute } from "@/server/http/api-route";
import { listDeviceTelemetry } from "@/server/presenters/devices/list-device-history";

export const GET = apiRoute(op.listDeviceTelemetry, ({ actor, params, query, runtime }) =>
  listDeviceTelemetry(runtime.db, actor, params.externalId, query),
);
