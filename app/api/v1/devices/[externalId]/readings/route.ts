// GET /api/v1/devices/:externalId/readings?since=&until=&limit=&cursor= - a sensor's readings over time, oldest first.
import * as op from "@/server/contracts/operations/device-history";
import { apiRoute } from "@/server/http/api-route";
import { listSensorReadings } from "@/server/presenters/devices/list-device-history";

export const GET = apiRoute(op.listSensorReadings, ({ actor, params, query, runtime }) =>
  listSensorReadings(runtime.db, actor, params.externalId, query),
);
