// How the API writes instants: ISO 8601 in UTC (Date.prototype.toISOString()).
import { z } from "zod";

export const isoTime = z.iso.datetime().describe("ISO 8601 time, UTC");
export const nullableIsoTime = isoTime.nullable();
