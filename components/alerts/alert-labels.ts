// Words and badge tones for an alert's status, severity and outcome, shared by
// the alert pages.
import type { AlertListItemDto } from "@/server/contracts/alert-api";

export const statusLabel: Record<AlertListItemDto["status"], string> = {
  NEW: "New",
  ACKNOWLEDGED: "Acknowledged",
  RESOLVED: "Resolved",
};

export const statusTone: Record<AlertListItemDto["status"], string> = {
  NEW: "danger",
  ACKNOWLEDGED: "warn",
  RESOLVED: "ok",
};

export const severityTone: Record<AlertListItemDto["severity"], string> = {
  critical: "danger",
  high: "danger",
  medium: "warn",
  low: "info",
  info: "info",
};

export const outcomeLabel: Record<NonNullable<AlertListItemDto["outcome"]>, string> = {
  real: "Real incident",
  false_alarm: "False alarm",
  test: "Test",
};

/** The NOC map centred on a point: the alert's "show on map". */
export function mapHref({ lat, lon, id }: { lat: number | null; lon: number | null; id: string }): string | null {
  return lat === null || lon === null ? null : `/?alert=${id}&lat=${lat}&lon=${lon}`;
}
