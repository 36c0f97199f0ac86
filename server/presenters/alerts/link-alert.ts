// The alert as a signed link's holder (an SMS, email or push recipient
// without an account) may see it: only what the link is for. The page is
// server-rendered into the link holder's browser, so anything passed on,
// shown or not, is readable there.
import type { AlertListItemDto } from "../../contracts/alert-api";
import type { LinkAlertDto } from "../../contracts/mobile";

export function toLinkAlert(alert: AlertListItemDto): LinkAlertDto {
  const { id, type, severity, status, message, lat, lon, count, sourceExternalId, sourceName } = alert;
  const { firstSeenAt, lastSeenAt, acknowledgedAt, resolvedAt } = alert;
  return {
    id,
    type,
    severity,
    status,
    message,
    lat,
    lon,
    count,
    sourceExternalId,
    sourceName,
    firstSeenAt,
    lastSeenAt,
    acknowledgedAt,
    resolvedAt,
  };
}
