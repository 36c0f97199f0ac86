// A device's telemetry and sensor readings over time (the device page's charts).
import { historyQuery, sensorReadingDto, telemetryPointDto } from "../device-history";
import { defineOperation } from "../operation";
import { pageOf } from "../pagination";
import { externalIdParams } from "./params";

export const listDeviceTelemetry = defineOperation({
  method: "get",
  path: "/api/v1/devices/{externalId}/telemetry",
  summary:
    "The device's telemetry (battery, signal, temperature) from `since` (default: a day ago) to `until`, oldest " +
    "first, at most `limit` rows (up to 5,000) a page.",
  tag: "Devices",
  params: externalIdParams,
  query: historyQuery,
  response: { status: 200, description: "A page of telemetry.", schema: pageOf(telemetryPointDto) },
  errors: [404],
});

export const listSensorReadings = defineOperation({
  method: "get",
  path: "/api/v1/devices/{externalId}/readings",
  summary:
    "A sensor's readings (every kind) from `since` (default: a day ago) to `until`, oldest first, at most `limit` " +
    "rows (up to 5,000) a page.",
  tag: "Devices",
  params: externalIdParams,
  query: historyQuery,
  response: { status: 200, description: "A page of readings.", schema: pageOf(sensorReadingDto) },
  errors: [404],
});
