// Quarantined MQTT messages as the API and the quarantine page show them.
import { z } from "zod";
import { deviceKinds } from "./api";
import { isoTime } from "./iso-time";

export const listQuarantineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const registerQuarantinedInput = z.object({
  kind: z.enum(deviceKinds).default("sensor"),
  name: z.string().trim().min(1).max(200).optional(),
});

const quarantineEntryDto = z.object({
  id: z.number().int(),
  topic: z.string(),
  reason: z.string(),
  detail: z.string().nullable(),
  payload: z.string(),
  deviceExternalId: z.string().nullable(),
  receivedAt: isoTime,
  registrableExternalId: z
    .string()
    .nullable()
    .describe("The id an admin can register as a new device, for unknown-source rejects."),
});
export type QuarantineEntryDto = z.infer<typeof quarantineEntryDto>;

export const quarantinePageDto = z.object({
  items: z.array(quarantineEntryDto),
  nextBefore: z.number().int().nullable(),
});
export type QuarantinePageDto = z.infer<typeof quarantinePageDto>;

/** How many entries the quarantine page loads at a time. */
export const QUARANTINE_PAGE_SIZE = 50;
