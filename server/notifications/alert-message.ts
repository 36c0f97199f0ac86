// What an SMS and an email say about an alert: short, the essentials first,
// and the link to acknowledge. A policy's test ("test this policy") starts
// with TEST everywhere a person reads it first.
export type AlertForMessage = {
  type: string;
  severity: string;
  message: string;
  sourceName: string;
  sourceExternalId: string;
  lat: number | null;
  lon: number | null;
  /** Sent by "test this policy": nothing happened. */
  test?: boolean;
};

const TEST = "TEST - not a real alert. ";
const marked = (alert: AlertForMessage, text: string) => (alert.test ? `${TEST}${text}` : text);

function where(lat: number | null, lon: number | null): string {
  if (lat === null || lon === null) return "location unknown";
  const ns = `${Math.abs(lat).toFixed(5)}°${lat >= 0 ? "N" : "S"}`;
  const ew = `${Math.abs(lon).toFixed(5)}°${lon >= 0 ? "E" : "W"}`;
  return `${ns}, ${ew}`;
}

export function alertSms(alert: AlertForMessage, link: string): string {
  const head = `${alert.severity === "critical" ? "🚨 " : ""}${alert.type.toUpperCase()}: ${alert.sourceName} (${alert.sourceExternalId})`;
  const text = `${head} at ${where(alert.lat, alert.lon)}. ${alert.message ? `"${alert.message.slice(0, 80)}" ` : ""}Acknowledge: ${link}`;
  return marked(alert, text);
}

export function alertEmail(alert: AlertForMessage, link: string): { subject: string; text: string } {
  const mapLink =
    alert.lat !== null && alert.lon !== null
      ? `https://www.openstreetmap.org/?mlat=${alert.lat}&mlon=${alert.lon}#map=17/${alert.lat}/${alert.lon}`
      : null;
  return {
    subject: marked(alert, `[${alert.severity.toUpperCase()}] ${alert.type} from ${alert.sourceName}`),
    text: [
      alert.test ? TEST.trim() : null,
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

/** A web push notification: the title a phone's lock screen shows, the severity, and the link it opens. */
export function alertPush(
  alert: AlertForMessage & { id: string },
  link: string,
): { title: string; body: string; url: string; tag: string; severity: string } {
  const title = `${alert.severity === "critical" ? "🚨 " : ""}${alert.type.toUpperCase()}: ${alert.sourceName}`;
  const lines = [`${alert.severity.toUpperCase()} · ${alert.sourceExternalId} · ${where(alert.lat, alert.lon)}`];
  if (alert.message) lines.push(alert.message.slice(0, 120));
  // One notification per alert on the phone: a repeat or the next tier replaces it instead of stacking.
  return {
    title: marked(alert, title),
    body: lines.join("\n"),
    url: link,
    tag: `alert-${alert.id}`,
    severity: alert.severity,
  };
}
