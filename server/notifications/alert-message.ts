// What an SMS and an email say about an alert: short, the essentials first,
// and the link to acknowledge.
export type AlertForMessage = {
  type: string;
  severity: string;
  message: string;
  sourceName: string;
  sourceExternalId: string;
  lat: number | null;
  lon: number | null;
};

function where(lat: number | null, lon: number | null): string {
  if (lat === null || lon === null) return "location unknown";
  const ns = `${Math.abs(lat).toFixed(5)}°${lat >= 0 ? "N" : "S"}`;
  const ew = `${Math.abs(lon).toFixed(5)}°${lon >= 0 ? "E" : "W"}`;
  return `${ns}, ${ew}`;
}

export function alertSms(alert: AlertForMessage, link: string): string {
  const head = `${alert.severity === "critical" ? "🚨 " : ""}${alert.type.toUpperCase()}: ${alert.sourceName} (${alert.sourceExternalId})`;
  return `${head} at ${where(alert.lat, alert.lon)}. ${alert.message ? `"${alert.message.slice(0, 80)}" ` : ""}Acknowledge: ${link}`;
}

export function alertEmail(alert: AlertForMessage, link: string): { subject: string; text: string } {
  const mapLink =
    alert.lat !== null && alert.lon !== null
      ? `https://www.openstreetmap.org/?mlat=${alert.lat}&mlon=${alert.lon}#map=17/${alert.lat}/${alert.lon}`
      : null;
  return {
    subject: `[${alert.severity.toUpperCase()}] ${alert.type} from ${alert.sourceName}`,
    text: [
      `${alert.type.toUpperCase()} (${alert.severity}) from ${alert.sourceName} (${alert.sourceExternalId})`,
      alert.message ? `Message: ${alert.message}` : null,
      `Location: ${where(alert.lat, alert.lon)}`,
      mapLink ? `Map: ${mapLink}` : null,
      "",
      `Acknowledge or resolve: ${link}`,
    ]
      .filter((line) => line !== null)
      .join("\n"),
  };
}
