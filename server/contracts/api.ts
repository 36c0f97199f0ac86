// Request and response shapes of the REST API (/api/v1), shared by route
// handlers, services and the browser.
import { z } from "zod";
import type { SystemComponentDto } from "./system-health";
import type { AlertDto } from "./socket-events";

export const roles = ["admin", "manager", "operator", "supervisor"] as const;
export type UserRole = (typeof roles)[number];

const externalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "use letters, digits and . _ : - only (it is an MQTT topic level)");

export const loginInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});

export const createGuardInput = z.object({
  externalId,
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/, "use the international format, e.g. +919876543210")
    .optional(),
});
export type CreateGuardInput = z.infer<typeof createGuardInput>;

export const deviceKinds = ["guard-phone", "sensor", "panic-button", "gateway"] as const;

export const registerDeviceInput = z.object({
  externalId,
  kind: z.enum(deviceKinds),
  name: z.string().trim().min(1).max(200).optional(),
  guardExternalId: externalId.optional(),
  siteId: z.uuid().optional(),
});
export type RegisterDeviceInput = z.infer<typeof registerDeviceInput>;

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

export type GuardDto = {
  id: string;
  externalId: string;
  name: string;
  phone: string | null;
  createdAt: string;
};

export type DeviceDto = {
  id: string;
  externalId: string;
  kind: (typeof deviceKinds)[number];
  name: string | null;
  guardExternalId: string | null;
  siteId: string | null;
  lastSeenAt: string | null;
  revoked: boolean;
  createdAt: string;
};

export type LocationDto = {
  recordedAt: string;
  lat: number;
  lon: number;
  accuracyM: number | null;
  speed: number | null;
  heading: number | null;
  battery: number | null;
  geofenceViolation: boolean;
};

export type TelemetryDto = {
  recordedAt: string;
  battery: number | null;
  signalDbm: number | null;
  temperatureC: number | null;
};

/** GET /api/v1/devices/:externalId */
export type DeviceDetailDto = DeviceDto & { latestTelemetry: TelemetryDto | null; components: SystemComponentDto[] };

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

export type CommandDto = {
  id: string;
  type: string;
  params: unknown;
  status: "queued" | "sent" | "received" | "done" | "failed" | "expired";
  expiresAt: string;
  createdAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  completedAt: string | null;
  result: unknown;
};

export type ConfigDto = {
  version: number;
  config: unknown;
  createdAt: string;
  publishedAt: string | null;
  appliedAt: string | null;
};

export const alertOutcomes = ["real", "false_alarm", "test"] as const;

export const resolveAlertInput = z.object({
  outcome: z.enum(alertOutcomes),
  note: z.string().trim().max(2000).optional(),
});
export type ResolveAlertInput = z.infer<typeof resolveAlertInput>;

export const alertSeverities = ["critical", "high", "medium", "low", "info"] as const;

/**
 * GET /api/v1/alerts. `order=severity` (the default: most severe, then newest) pages by `offset`;
 * `order=newest` (the history) pages by `cursor` (the `Link: <…>; rel="next"` header holds the next page).
 * `format=csv` answers the matching alerts, newest first, as CSV (at most ALERT_CSV_MAX_ROWS).
 */
export const listAlertsQuery = z
  .object({
    status: z.enum(["NEW", "ACKNOWLEDGED", "RESOLVED", "open"]).optional(),
    severity: z.enum(alertSeverities).optional(),
    siteId: z.uuid().optional(),
    type: z.string().trim().min(1).max(64).optional(),
    /** A guard's external id: alerts raised by the guard or about them. */
    guard: externalId.optional(),
    /** Words found in the message, type, resolution note or the source's id or name (case-insensitive). */
    q: z.string().trim().min(1).max(200).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    order: z.enum(["severity", "newest"]).default("severity"),
    cursor: z.string().max(512).optional(),
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
    message: "since must not be after until",
    path: ["since"],
  })
  .refine((q) => !q.cursor || q.order === "newest", {
    message: "a cursor pages order=newest only",
    path: ["cursor"],
  });
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export type AlertEventDto = {
  action: string;
  channel: string;
  by: string | null;
  at: string;
  detail: unknown;
};

export type AlertListItemDto = AlertDto & {
  siteId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  outcome: (typeof alertOutcomes)[number] | null;
  resolutionNote: string | null;
  claimedBy: string | null;
  /** P(false alarm) from the promoted model and that model's version; null until scored (never for panic or man-down). */
  falseAlarmScore: number | null;
  scoredByModelVersion: number | null;
};

export type AlertDetailDto = AlertListItemDto & { events: AlertEventDto[]; deliveries: DeliveryDto[] };

/** Alerts exported as CSV in one request at most; narrow the filters for more. */
export const ALERT_CSV_MAX_ROWS = 10_000;

export const alertNoteInput = z.object({ text: z.string().trim().min(1).max(2000) });
export type AlertNoteInput = z.infer<typeof alertNoteInput>;

const phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, "use the international format, e.g. +919876543210");

export const createContactInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: phone.optional(),
    email: z.email().max(254).optional(),
  })
  .refine((c) => c.phone || c.email, { message: "give a phone number or an email address", path: ["phone"] });
export type CreateContactInput = z.infer<typeof createContactInput>;

export type ContactDto = { id: string; name: string; phone: string | null; email: string | null; createdAt: string };

export const notificationChannels = ["sms", "email", "push"] as const;

export const createEscalationPolicyInput = z.object({
  name: z.string().trim().min(1).max(200),
  siteId: z.uuid().optional(),
  repeats: z.number().int().min(0).max(10).default(0),
  tiers: z
    .array(
      z.object({
        contactIds: z.array(z.uuid()).min(1),
        channels: z.array(z.enum(notificationChannels)).min(1),
        delaySeconds: z
          .number()
          .int()
          .min(0)
          .max(24 * 3600)
          .default(120),
      }),
    )
    .min(1)
    .max(10),
});
export type CreateEscalationPolicyInput = z.infer<typeof createEscalationPolicyInput>;

export type EscalationPolicyDto = Omit<CreateEscalationPolicyInput, "siteId"> & {
  id: string;
  siteId: string | null;
  createdAt: string;
};

export type DeliveryDto = {
  id: string;
  contactName: string | null;
  channel: (typeof notificationChannels)[number];
  recipient: string | null;
  round: number;
  tier: number;
  attempts: number;
  status: "queued" | "sent" | "failed" | "skipped";
  providerId: string | null;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
};
