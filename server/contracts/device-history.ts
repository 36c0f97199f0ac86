// A device's history for its page's charts (issue 20, item 7): telemetry
// (battery, signal, temperature) and a sensor's readings over a time range,
// oldest first, a bounded page at a time.
import { z } from "zod";
import { isoTime } from "./iso-time";

const HISTORY_MAX_ROWS = 5000;
/** Without `since`, the last day. */
export const HISTORY_DEFAULT_HOURS = 24;

export const historyQuery = z
  .object({
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(HISTORY_MAX_ROWS).default(1000),
    cursor: z.string().max(512).optional(),
  })
  .refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
    message: "since must not be after until",
    path: ["since"],
  });
export type HistoryQuery = z.infer<typeof historyQuery>;

export const telemetryPointDto = z.object({
  recordedAt: isoTime,
  battery: z.number().nullable().describe("Percent."),
  signalDbm: z.number().nullable(),
  temperatureC: z.number().nullable(),
});
export type TelemetryPointDto = z.infer<typeof telemetryPointDto>;

export const sensorReadingDto = z.object({
  recordedAt: isoTime,
  kind: z.string().describe("The topic's leaf: smoke, door, motion, temperature, ..."),
  value: z.number().nullable().describe("A numeric reading (temperature, humidity)."),
  text: z.string().nullable().describe("A reading that is not a number."),
  state: z.string().nullable(),
});
export type SensorReadingDto = z.infer<typeof sensorReadingDto>;
