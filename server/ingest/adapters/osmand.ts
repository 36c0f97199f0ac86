// OsmAnd protocol adapter (traccar.org/osmand), as Traccar Client speaks it:
// the query or form fields (`lat`, `lon`, `timestamp` epoch seconds, epoch
// milliseconds or ISO, `speed` knots, `bearing`/`heading`, `altitude`,
// `accuracy`, `batt` %) or the JSON body of Traccar Client 9+ (`location`
// with `coords` in m/s and `battery.level` 0-1). The result is the native GPS
// fix (speed in m/s) and the phone's battery as its telemetry, for the native
// schemas to validate; the device identifier (`id`/`deviceid`/`device_id`) is
// the caller's concern (the tracking key).
import { isJsonObject } from "./adapted-message";

const KNOTS_TO_MS = 1852 / 3600;
const MILLISECONDS_FROM = 10_000_000_000; // an epoch this large is in milliseconds

export type OsmAndFix = { gps: Record<string, unknown>; telemetry: Record<string, unknown> | null };

/** A form field as a number when it is one; otherwise the text, for the schema to refuse by name. */
function numeric(value: string | undefined): number | string | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

function timestamp(value: unknown): unknown {
  if (value === undefined || value === "") return undefined;
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n)) return value; // ISO text, or something the schema refuses
  const at = new Date(n >= MILLISECONDS_FROM ? n : n * 1000);
  return Number.isNaN(at.getTime()) ? String(value) : at.toISOString();
}

const defined = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** The device identifier the request carries (query/form `id` or `deviceid`, JSON `device_id`). */
export function osmAndDeviceId(form: URLSearchParams, json: unknown): string | null {
  const fromJson = isJsonObject(json) && typeof json.device_id === "string" ? json.device_id : null;
  return form.get("id") ?? form.get("deviceid") ?? fromJson;
}

export function fromOsmAndForm(form: URLSearchParams): OsmAndFix {
  const field = (name: string) => form.get(name) ?? undefined;
  const [locLat, locLon] = (field("location") ?? "").split(",");
  const speed = numeric(field("speed"));
  const battery = numeric(field("batt"));
  const at = timestamp(field("timestamp"));
  return {
    gps: defined({
      lat: numeric(field("lat") ?? locLat),
      lon: numeric(field("lon") ?? locLon),
      accuracy: numeric(field("accuracy")),
      speed: typeof speed === "number" ? speed * KNOTS_TO_MS : speed,
      heading: numeric(field("bearing") ?? field("heading")),
      battery,
      timestamp: at,
      altitude: numeric(field("altitude")),
    }),
    telemetry: battery === undefined ? null : defined({ battery, timestamp: at }),
  };
}

export function fromOsmAndJson(json: unknown): OsmAndFix {
  const location = isJsonObject(json) && isJsonObject(json.location) ? json.location : {};
  const coords = isJsonObject(location.coords) ? location.coords : {};
  const level = isJsonObject(location.battery) ? location.battery.level : undefined;
  const battery = typeof level === "number" ? Math.round(level * 1000) / 10 : level;
  const at = timestamp(location.timestamp);
  return {
    gps: defined({
      lat: coords.latitude,
      lon: coords.longitude,
      accuracy: coords.accuracy,
      // The SDK reports -1 for an unknown speed or heading.
      speed: typeof coords.speed === "number" && coords.speed < 0 ? undefined : coords.speed,
      heading: typeof coords.heading === "number" && coords.heading < 0 ? undefined : coords.heading,
      battery,
      timestamp: at,
      altitude: coords.altitude,
      is_moving: location.is_moving,
      event: location.event,
    }),
    telemetry: battery === undefined ? null : defined({ battery, timestamp: at }),
  };
}
