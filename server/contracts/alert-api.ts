// Request and response shapes of the alerts API (/api/v1/alerts): the list's
// filters, an alert as listed and in detail (its events and deliveries), and
// what resolving and noting one take. Zod schemas, as in api.ts.
import { z } from "zod";
import { externalId } from "./api";
import { isoTime, nullableIsoTime } from "./iso-time";
import { deliveryDto } from "./notifications";
import { alertDto, alertSeverities, alertStatuses } from "./socket-events";

export const alertOutcomes = ["real", "false_alarm", "test"] as const;

export const resolveAlertInput = z.object({
  outcome: z.enum(alertOutcomes),
  note: z.string().trim().max(2000).optional(),
});
export type ResolveAlertInput = z.infer<typeof resolveAlertInput>;

/**
 * GET /api/v1/alerts. `order=severity` (the default: most severe, then newest) pages by `offset`;
 * `order=newest` (the history) pages by `cursor` (the `Link: <…>; rel="next"` header holds the next page).
 * `format=csv` answers the matching alerts, newest first, as CSV (at most ALERT_CSV_MAX_ROWS).
 */
export const listAlertsQuery = z
  .object({
    status: z.enum([...alertStatuses, "open"]).optional(),
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

export const alertEventDto = z.object({
  action: z.string(),
  channel: z.string(),
  by: z.string().nullable(),
  at: isoTime,
  detail: z.unknown(),
});
export type AlertEventDto = z.infer<typeof alertEventDto>;

export const alertListItemDto = alertDto.extend({
  siteId: z.uuid().nullable(),
  createdAt: isoTime,
  acknowledgedAt: nullableIsoTime,
  resolvedAt: nullableIsoTime,
  outcome: z.enum(alertOutcomes).nullable(),
  resolutionNote: z.string().nullable(),
  claimedBy: z.string().nullable().describe("Email of the user who claimed it."),
  falseAlarmScore: z
    .number()
    .nullable()
    .describe(
      "The promoted model's probability that this is a false alarm; null until scored (never panic or man-down).",
    ),
  scoredByModelVersion: z.number().int().nullable(),
});
export type AlertListItemDto = z.infer<typeof alertListItemDto>;

/** Alerts exported as CSV in one request at most; narrow the filters for more. */
export const ALERT_CSV_MAX_ROWS = 10_000;

export const alertNoteInput = z.object({ text: z.string().trim().min(1).max(2000) });
export type AlertNoteInput = z.infer<typeof alertNoteInput>;

export const alertDetailDto = alertListItemDto.extend({
  events: z.array(alertEventDto),
  deliveries: z.array(deliveryDto),
});
export type AlertDetailDto = z.infer<typeof alertDetailDto>;
