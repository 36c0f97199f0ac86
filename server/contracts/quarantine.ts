// Quarantined MQTT messages as the API and the quarantine page show them.
import { z } from "zod";
import { deviceKinds } from "./api";

export const listQuarantineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const registerQuarantinedInput = z.object({
  kind: z.enum(deviceKinds).default("sensor"),
  name: z.string().trim().min(1).max(200).optional(),
});

export type QuarantineEntryDto = {
  id: number;
  topic: string;
  reason: string;
  detail: string | null;
  payload: string;
  deviceExternalId: string | null;
  receivedAt: string;
  /** The id an admin can register as a new device, for unknown-source rejects. */
  registrableExternalId: string | null;
};

export type QuarantinePageDto = { items: QuarantineEntryDto[]; nextBefore: number | null };

/** How many entries the quarantine page loads at a time. */
export const QUARANTINE_PAGE_SIZE = 50;
