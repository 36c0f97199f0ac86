// Quarantined MQTT messages as the API and the quarantine page show them.
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
