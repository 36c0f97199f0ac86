// Uplink payload schemas, one per topic family (design section 3). Unknown
// extra fields are allowed here and kept by the ingestor in an `extra` column.
import { z } from "zod";

const MAX_FUTURE_MS = 5 * 60 * 1000;

const timestampSchema = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) <= Date.now() + MAX_FUTURE_MS, "timestamp is more than 5 minutes in the future");

const envelope = {
  msg_id: z.string().min(1).max(128).optional(),
  seq: z.number().int().nonnegative().optional(),
  timestamp: timestampSchema.optional(),
};

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const percent = z.number().min(0).max(100);

export const gpsPayload = z.looseObject({
  ...envelope,
  lat: latitude,
  lon: longitude,
  accuracy: z.number().min(0).max(100_000).optional(),
  guard_id: z.union([z.string().max(128), z.number()]).optional(),
  client_id: z.union([z.string().max(128), z.number()]).optional(),
  speed: z.number().min(0).max(1000).optional(),
  heading: z.number().min(0).max(360).optional(),
  battery: percent.optional(),
});

/** `guard/{guardId}/checkpoint`: a scanned QR sticker or NFC tag (its code), or a GPS visit the phone decided on. */
export const checkpointScanPayload = z.looseObject({
  ...envelope,
  code: z.string().trim().min(1).max(128),
  method: z.enum(["qr", "nfc", "gps"]),
});

/**
 * `guard/{guardId}/check-in` (QoS 1, receipted): a lone worker's "I'm OK", or with `pin` the guard's PIN typed to
 * cancel a pre-alarm or a man-down. The normal PIN and the duress PIN get the same receipt (`result: "ok"`); the
 * duress PIN also raises a silent duress alert on the NOC. Any other PIN is answered `wrong_pin`.
 */
export const checkInPayload = z.looseObject({
  ...envelope,
  pin: z.string().min(1).max(64).optional(),
});

/** What a check-in's receipt says, besides its msg_id: identical for the normal and the duress PIN. */
export type CheckInResult = "ok" | "wrong_pin";

/** The pre-alarm, downlink command `check-in-due` to each of the guard's phones: check in before dueAt + grace. */
export const CHECK_IN_DUE_COMMAND = "check-in-due";
export type CheckInDueParams = { dueAt: string; graceSeconds: number };

/** The man-down pre-alarm, to each of the guard's phones: "Are you OK?", answered by a check-in before dueAt. */
export const MAN_DOWN_CHECK_COMMAND = "man-down-check";
export type ManDownCheckParams = { dueAt: string; cancelSeconds: number };

export const telemetryPayload = z.looseObject({
  ...envelope,
  battery: percent.optional(),
  signal: z.number().min(-200).max(50).optional(),
  temperature: z.number().min(-100).max(200).optional(),
});

export const sensorPayload = z
  .looseObject({
    ...envelope,
    value: z.union([z.number(), z.boolean(), z.string().max(256)]).optional(),
    state: z.string().max(64).optional(),
  })
  .refine((p) => p.value !== undefined || p.state !== undefined, {
    message: "value or state is required",
    path: ["value"],
  });

export const alertPayload = z.looseObject({
  ...envelope,
  alert_type: z.string().min(1).max(64).optional(),
  severity: z.enum(["critical", "high", "medium", "low", "info"]).optional(),
  message: z.string().max(2000).optional(),
  location: z.object({ lat: latitude, lon: longitude }).optional(),
});

export const systemPayload = z.looseObject({
  ...envelope,
  status: z.string().max(64).optional(),
  value: z.union([z.number(), z.string().max(256), z.boolean()]).optional(),
});

export const commandResultPayload = z.looseObject({
  ...envelope,
  command_id: z.uuid(),
  status: z.enum(["received", "done", "failed"]),
  result: z.unknown().optional(),
  error: z.string().max(2000).optional(),
});

export const configAppliedPayload = z.looseObject({
  ...envelope,
  version: z.number().int().positive(),
});
