// zod schemas of the main answers whose shapes server/contracts declares only
// as TypeScript types, for the OpenAPI document. Each is checked at compile
// time to be exactly its DTO type, so the two cannot drift apart.
import { z } from "zod";
import {
  alertOutcomes,
  deviceKinds,
  type AlertListItemDto,
  type ContactDto,
  type DeviceDto,
  type GuardDto,
  type LocationDto,
} from "../contracts/api";
import type { LatestPositionRow } from "../contracts/positions";

const time = z.string().describe("ISO 8601 time");
const nullableTime = time.nullable();

export const guardDto = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  createdAt: time,
});

export const deviceDto = z.object({
  id: z.uuid(),
  externalId: z.string(),
  kind: z.enum(deviceKinds),
  name: z.string().nullable(),
  guardExternalId: z.string().nullable(),
  siteId: z.string().nullable(),
  lastSeenAt: nullableTime,
  revoked: z.boolean(),
  createdAt: time,
});

export const alertListItemDto = z.object({
  id: z.uuid(),
  type: z.string(),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  status: z.enum(["NEW", "ACKNOWLEDGED", "RESOLVED"]),
  message: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  count: z.number().int(),
  sourceExternalId: z.string(),
  sourceName: z.string(),
  firstSeenAt: time,
  lastSeenAt: time,
  siteId: z.string().nullable(),
  createdAt: time,
  acknowledgedAt: nullableTime,
  resolvedAt: nullableTime,
  outcome: z.enum(alertOutcomes).nullable(),
  resolutionNote: z.string().nullable(),
  claimedBy: z.string().nullable().describe("Email of the user who claimed it."),
  falseAlarmScore: z
    .number()
    .nullable()
    .describe("The promoted model's probability that this is a false alarm (never for panic or man-down)."),
  scoredByModelVersion: z.number().int().nullable(),
});

export const contactDto = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: time,
});

export const locationDto = z.object({
  recordedAt: time,
  lat: z.number(),
  lon: z.number(),
  accuracyM: z.number().nullable(),
  speed: z.number().nullable(),
  heading: z.number().nullable(),
  battery: z.number().nullable(),
  geofenceViolation: z.boolean(),
});

export const latestPositionRow = z
  .tuple([
    z.uuid().describe("guardId"),
    z.string().describe("externalId"),
    z.string().describe("name"),
    z.number().describe("lat"),
    z.number().describe("lon"),
    z.number().nullable().describe("accuracyM"),
    z.number().nullable().describe("battery"),
    time.describe("recordedAt: ISO 8601 time, UTC, milliseconds"),
  ])
  .describe("[guardId, externalId, name, lat, lon, accuracyM, battery, recordedAt]");

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function sameShape<_T extends true>(): void {}
sameShape<Same<z.infer<typeof guardDto>, GuardDto>>();
sameShape<Same<z.infer<typeof deviceDto>, DeviceDto>>();
sameShape<Same<z.infer<typeof alertListItemDto>, AlertListItemDto>>();
sameShape<Same<z.infer<typeof contactDto>, ContactDto>>();
sameShape<Same<z.infer<typeof locationDto>, LocationDto>>();
sameShape<Same<z.infer<typeof latestPositionRow>, LatestPositionRow>>();
