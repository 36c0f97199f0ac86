// Patrols: checkpoints, tours and their runs, as the API accepts and answers
// them. DTOs are zod schemas; their types are inferred.
import { z } from "zod";

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const name = z.string().trim().min(1).max(120);
/** A code printed as a QR sticker or written to an NFC tag: letters, digits, - and _. */
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, "8 to 128 letters, digits, - or _ (short codes are guessable)");

const checkpointFields = {
  name,
  code: code.optional(),
  lat: lat.optional(),
  lon: lon.optional(),
  radiusM: z.number().positive().max(5000).optional(),
};
const pointComplete = (c: { lat?: number; lon?: number; radiusM?: number }) =>
  (c.lat === undefined) === (c.lon === undefined) && (c.radiusM === undefined || c.lat !== undefined);
const pointMessage = { message: "give lat and lon together, and radiusM only with them", path: ["lat"] };

export const checkpointInput = z.object(checkpointFields).strict().refine(pointComplete, pointMessage);
export type CheckpointInput = z.infer<typeof checkpointInput>;
export const checkpointPatch = z
  .object({
    name: name.optional(),
    code: code.optional(),
    lat: lat.nullable().optional(),
    lon: lon.nullable().optional(),
    radiusM: z.number().positive().max(5000).nullable().optional(),
  })
  .strict();
export type CheckpointPatch = z.infer<typeof checkpointPatch>;

export const checkpointDto = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  code: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  radiusM: z.number().nullable(),
  createdAt: z.iso.datetime(),
});
export type CheckpointDto = z.infer<typeof checkpointDto>;

const tourFields = {
  name,
  checkpointIds: z.array(z.uuid()).min(1).max(200),
  ordered: z.boolean().default(false),
  startAt: z.iso.datetime({ offset: true }),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  repeatMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .nullable()
    .optional(),
  guardExternalId: z.string().min(1).max(128).nullable().optional(),
};
const windowFits = (t: { windowMinutes?: number; repeatMinutes?: number | null }) =>
  !t.repeatMinutes || t.windowMinutes === undefined || t.windowMinutes <= t.repeatMinutes;
const windowMessage = { message: "the window cannot be longer than the repeat interval", path: ["windowMinutes"] };

export const tourInput = z.object(tourFields).strict().refine(windowFits, windowMessage);
export type TourInput = z.infer<typeof tourInput>;
export const tourPatch = z
  .object({
    name: tourFields.name.optional(),
    checkpointIds: tourFields.checkpointIds.optional(),
    ordered: z.boolean().optional(),
    startAt: tourFields.startAt.optional(),
    windowMinutes: tourFields.windowMinutes.optional(),
    repeatMinutes: tourFields.repeatMinutes,
    guardExternalId: tourFields.guardExternalId,
  })
  .strict();
export type TourPatch = z.infer<typeof tourPatch>;

export const tourDto = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  checkpointIds: z.array(z.uuid()),
  ordered: z.boolean(),
  startAt: z.iso.datetime(),
  windowMinutes: z.number().int(),
  repeatMinutes: z.number().int().nullable(),
  guardExternalId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TourDto = z.infer<typeof tourDto>;

const tourRunStatuses = ["scheduled", "in_progress", "completed", "late", "missed"] as const;
/** Runs still to walk: due, window not yet closed by the worker. */
export const OPEN_RUN_STATUSES = ["scheduled", "in_progress"] as const;

/** NOTIFY channel: a tenant's open tour runs changed (made, visited, closed) or a checkpoint moved. */
export const PATROLS_CHANNEL = "vigil_patrols";

export const tourRunsQuery = z
  .object({
    siteId: z.uuid().optional(),
    guardExternalId: z.string().min(1).max(128).optional(),
    status: z
      .enum([...tourRunStatuses, "open"])
      .optional()
      .describe("A run status, or open: scheduled or in progress."),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TourRunsQuery = z.infer<typeof tourRunsQuery>;

const checkpointVisitDto = z.object({
  checkpointId: z.uuid(),
  name: z.string(),
  visitedAt: z.iso.datetime().nullable(),
  method: z.enum(["qr", "nfc", "gps"]).nullable(),
  guardExternalId: z.string().nullable(),
  /** True when the run's window closed before this checkpoint was visited. */
  missed: z.boolean(),
});

export const tourRunDto = z.object({
  id: z.uuid(),
  tourId: z.uuid(),
  tourName: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  guardExternalId: z.string().nullable(),
  guardName: z.string().nullable(),
  dueAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  status: z.enum(tourRunStatuses),
  completedAt: z.iso.datetime().nullable(),
  alertId: z.uuid().nullable(),
  checkpoints: z.array(checkpointVisitDto),
});
export type TourRunDto = z.infer<typeof tourRunDto>;
