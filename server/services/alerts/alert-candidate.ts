// An alert some path wants open: an alarm a device or guard sent, a sensor or
// telemetry rule, a geofence violation, a liveness check (offline, man-down).
// Every path builds this one type and hands it to upsertAlerts, which opens
// the alert or counts a repeat of the open one for the same source and type.
import type { AlertSeverity } from "../../contracts/socket-events";

/**
 * Whom the alert is about: a device (and the guard it reports for), a guard
 * itself, or a patrol tour (and the guard who walks it, when it has one).
 */
export type AlertSubject =
  | { deviceId: string; guardId: string | null; externalId: string; name: string }
  | { deviceId: null; guardId: string; externalId: string; name: string }
  | { deviceId: null; guardId: string | null; tourId: string; externalId: string; name: string };

export type AlertCandidate = {
  tenantId: string;
  subject: AlertSubject;
  siteId: string | null;
  /** Lower-case: panic, fire, geofence-violation, offline, ... */
  type: string;
  severity: AlertSeverity;
  message: string;
  location: { lat: number; lon: number } | null;
  /** When it happened (the device's time for alarms and readings). */
  at: Date;
  /** Kept on the alert row: unknown fields of an alarm, a violation's figures. */
  extra: Record<string, unknown> | null;
};

/** One open alert per source and type: the key of the unique partial index. */
export function sourceKey(subject: AlertSubject): string {
  if ("tourId" in subject) return `tour:${subject.tourId}`;
  return subject.deviceId !== null ? `device:${subject.deviceId}` : `guard:${subject.guardId}`;
}

/** tenant|source|type: the candidates that fold into one alert share it. */
export function alertKey(candidate: AlertCandidate): string {
  return `${candidate.tenantId}|${sourceKey(candidate.subject)}|${candidate.type}`;
}
