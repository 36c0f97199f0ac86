// Request and response shapes of the REST API (/api/v1), shared by route
// handlers, services and the browser. Answers are zod schemas too: the
// OpenAPI document describes them and the API tests check real answers
// against them; their types are inferred from them. The alerts API's are in alert-api.ts.
import { z } from "zod";
import { onboardingDto } from "./device-onboarding";
import { isoTime, nullableIsoTime } from "./iso-time";
import { GATEWAY_SENSOR_SEPARATOR } from "./mqtt-identity";
import { systemComponentDto } from "./system-health";
import { commandStatuses } from "./socket-events";

export const roles = ["admin", "manager", "operator", "supervisor"] as const;
export type UserRole = (typeof roles)[number];

export const externalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "use letters, digits and . _ : - only (it is an MQTT topic level)");

const newExternalId = externalId.refine(
  (id) => !id.includes(GATEWAY_SENSOR_SEPARATOR),
  "'::' is reserved for sensors behind a gateway (Zigbee2MQTT)",
);

export const loginInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  /** The 6-digit code of the user's authenticator app, when they have set up a second factor. */
  totpCode: z.string().trim().max(16).optional(),
});

export const createGuardInput = z.object({
  externalId: newExternalId,
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/, "use the international format, e.g. +919876543210")
    .optional(),
});
export type CreateGuardInput = z.infer<typeof createGuardInput>;

/** A guard's name and phone (null removes it), and whether they are on the roster. */
export const updateGuardInput = z
  .object({
    name: createGuardInput.shape.name.optional(),
    phone: createGuardInput.shape.phone.unwrap().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((g) => g.name !== undefined || g.phone !== undefined || g.active !== undefined, {
    message: "give a name, a phone or active",
    path: ["name"],
  });
export type UpdateGuardInput = z.infer<typeof updateGuardInput>;

const pin = z.string().regex(/^[0-9]{4,8}$/, "use 4 to 8 digits");

/** A guard's PIN and duress PIN, set together by an admin; they must differ. */
export const setGuardPinsInput = z
  .object({ pin, duressPin: pin })
  .refine((p) => p.pin !== p.duressPin, { message: "must differ from the PIN", path: ["duressPin"] });
export type SetGuardPinsInput = z.infer<typeof setGuardPinsInput>;

export const deviceKinds = ["guard-phone", "sensor", "panic-button", "gateway"] as const;

export const registerDeviceInput = z.object({
  externalId: newExternalId,
  kind: z.enum(deviceKinds),
  name: z.string().trim().min(1).max(200).optional(),
  guardExternalId: externalId.optional(),
  siteId: z.uuid().optional(),
});
export type RegisterDeviceInput = z.infer<typeof registerDeviceInput>;

/** A device's name, guard and site; null takes them away. Kind and id stay what they were registered as. */
export const updateDeviceInput = z
  .object({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    guardExternalId: externalId.nullable().optional(),
    siteId: z.uuid().nullable().optional(),
    /** A gateway sensor's button actions that raise a panic (Zigbee2MQTT's `action` values, e.g. `single`). */
    panicActions: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9._-]+$/, "use letters, digits and . _ - only"),
      )
      .max(20)
      .optional(),
  })
  .refine(
    (d) =>
      d.name !== undefined || d.guardExternalId !== undefined || d.siteId !== undefined || d.panicActions !== undefined,
    { message: "give a name, a guardExternalId, a siteId or panicActions", path: ["name"] },
  );
export type UpdateDeviceInput = z.infer<typeof updateDeviceInput>;

export const timeRangeQuery = z
  .object({
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  })
  .refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
    message: "since must not be after until",
    path: ["since"],
  });

export const guardDto = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  /** False once deactivated: kept with its history, but no shift of theirs counts. */
  active: z.boolean(),
  /** Whether an admin has set the guard's PIN and duress PIN (the PINs themselves are never returned). */
  hasPins: z.boolean(),
  createdAt: isoTime,
});
export type GuardDto = z.infer<typeof guardDto>;

/** A site a guard is assigned to, as the guards page lists it. */
export type GuardSiteDto = { siteId: string; siteName: string };

export const deviceDto = z.object({
  id: z.uuid(),
  externalId: z.string(),
  kind: z.enum(deviceKinds),
  name: z.string().nullable(),
  guardExternalId: z.string().nullable(),
  siteId: z.uuid().nullable(),
  /** A sensor behind a gateway: the gateway's name for it (Zigbee2MQTT's friendly name); null otherwise. */
  gatewayAddress: z.string().nullable(),
  /** A gateway sensor's button actions that raise a panic (besides an SOS button's emergency, sos, panic). */
  panicActions: z.array(z.string()),
  lastSeenAt: nullableIsoTime,
  revoked: z.boolean(),
  createdAt: isoTime,
});
export type DeviceDto = z.infer<typeof deviceDto>;

/** A device as registered or given new credentials: the MQTT password and the tracking key are shown this once. */
export const deviceWithCredentialsDto = deviceDto.extend({
  mqtt: z.object({ username: z.string(), password: z.string() }),
  trackingKey: z
    .string()
    .describe("The id Traccar Client (OsmAnd protocol) sends to /api/v1/ingest/osmand; 160 random bits, shown once."),
  onboarding: onboardingDto,
});
export type DeviceWithCredentialsDto = z.infer<typeof deviceWithCredentialsDto>;

export const locationDto = z.object({
  recordedAt: isoTime,
  lat: z.number(),
  lon: z.number(),
  accuracyM: z.number().nullable(),
  speed: z.number().nullable(),
  heading: z.number().nullable(),
  battery: z.number().nullable(),
  geofenceViolation: z.boolean(),
});
export type LocationDto = z.infer<typeof locationDto>;

const telemetryDto = z.object({
  recordedAt: isoTime,
  battery: z.number().nullable(),
  signalDbm: z.number().nullable(),
  temperatureC: z.number().nullable(),
});
export type TelemetryDto = z.infer<typeof telemetryDto>;

/** GET /api/v1/devices/:externalId */
export const deviceDetailDto = deviceDto.extend({
  latestTelemetry: telemetryDto.nullable(),
  components: z.array(systemComponentDto),
});
export type DeviceDetailDto = z.infer<typeof deviceDetailDto>;

export const sendCommandInput = z.object({
  type: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "use letters, digits and . _ - only"),
  params: z.record(z.string(), z.unknown()).default({}),
  ttlSeconds: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 3600)
    .default(300),
});
export type SendCommandInput = z.infer<typeof sendCommandInput>;

export const setConfigInput = z.object({ config: z.record(z.string(), z.unknown()) });

export const commandDto = z.object({
  id: z.uuid(),
  type: z.string(),
  params: z.unknown(),
  status: z.enum(commandStatuses),
  expiresAt: isoTime,
  createdAt: isoTime,
  sentAt: nullableIsoTime,
  receivedAt: nullableIsoTime,
  completedAt: nullableIsoTime,
  result: z.unknown(),
});
export type CommandDto = z.infer<typeof commandDto>;

/** POST /api/v1/devices/:externalId/commands */
export const queuedCommandDto = commandDto.pick({ id: true, status: true, expiresAt: true });

export const configDto = z.object({
  version: z.number().int(),
  config: z.unknown(),
  createdAt: isoTime,
  publishedAt: nullableIsoTime,
  appliedAt: nullableIsoTime,
});
export type ConfigDto = z.infer<typeof configDto>;

/** PUT /api/v1/devices/:externalId/config */
export const savedConfigDto = configDto.pick({ version: true, createdAt: true });
