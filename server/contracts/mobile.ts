import type { AlertDto } from "./socket-events";

/**
 * What the mobile alert page shows after the acknowledge button: when it was
 * acknowledged (ISO; the phone shows it in its own time zone), or why not.
 */
export type MobileAckState = { ok: true; acknowledgedAt: string } | { ok: false; message: string };

/**
 * What a signed alert link shows its holder: the alert it is for, and nothing
 * about the tenant's people or their notes (who claimed or resolved it, the
 * resolution note, the false-alarm score, the site).
 */
export type LinkAlertDto = Pick<
  AlertDto,
  | "id"
  | "type"
  | "severity"
  | "status"
  | "message"
  | "lat"
  | "lon"
  | "count"
  | "sourceExternalId"
  | "sourceName"
  | "firstSeenAt"
  | "lastSeenAt"
> & { acknowledgedAt: string | null; resolvedAt: string | null };
