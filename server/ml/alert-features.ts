// What the false-alarm model knows about an alert, and how that becomes a
// vector of numbers. The vocabularies (alert types, sites, devices, device and
// sensor kinds) come from the training data and are stored with the model, so a
// site or type the model never saw encodes as "other".
export type AlertFeatures = {
  type: string;
  siteId: string | null;
  /** The device itself: a faulty sensor is the commonest cause of false alarms. */
  deviceId: string | null;
  deviceKind: string | null;
  /** The kind of the device's latest sensor reading at the alert (door, motion, smoke...). */
  sensorKind: string | null;
  /** Hour (0-23) and ISO weekday (1-7) in the site's time zone. */
  hour: number;
  weekday: number;
  /** Alerts from the same source in the 7 days before this one. */
  recentAlerts: number;
  /** The device's battery (%) and signal (dBm) near the alert, when it reported them. */
  battery: number | null;
  signalDbm: number | null;
};

export type FeatureEncoding = {
  types: string[];
  sites: string[];
  devices: string[];
  deviceKinds: string[];
  sensorKinds: string[];
};

const MAX_VOCABULARY = 50;
const NONE = "(none)";

function vocabulary(values: (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v ?? NONE, (counts.get(v ?? NONE) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VOCABULARY)
    .map(([v]) => v);
}

export function buildEncoding(rows: AlertFeatures[]): FeatureEncoding {
  return {
    types: vocabulary(rows.map((r) => r.type)),
    sites: vocabulary(rows.map((r) => r.siteId)),
    devices: vocabulary(rows.map((r) => r.deviceId)),
    deviceKinds: vocabulary(rows.map((r) => r.deviceKind)),
    sensorKinds: vocabulary(rows.map((r) => r.sensorKind)),
  };
}

/** One slot per known value plus one for anything else. */
function oneHot(vocab: string[], value: string | null): number[] {
  const slots = new Array<number>(vocab.length + 1).fill(0);
  const at = vocab.indexOf(value ?? NONE);
  slots[at === -1 ? vocab.length : at] = 1;
  return slots;
}

function index(size: number, at: number): number[] {
  const slots = new Array<number>(size).fill(0);
  slots[at] = 1;
  return slots;
}

export function featureCount(encoding: FeatureEncoding): number {
  return encodeFeatures(encoding, {
    type: "",
    siteId: null,
    deviceId: null,
    deviceKind: null,
    sensorKind: null,
    hour: 0,
    weekday: 1,
    recentAlerts: 0,
    battery: null,
    signalDbm: null,
  }).length;
}

export function encodeFeatures(encoding: FeatureEncoding, f: AlertFeatures): number[] {
  const hour = ((Math.floor(f.hour) % 24) + 24) % 24;
  const angle = (2 * Math.PI * hour) / 24;
  return [
    ...oneHot(encoding.types, f.type),
    ...oneHot(encoding.sites, f.siteId),
    ...oneHot(encoding.devices, f.deviceId),
    ...oneHot(encoding.deviceKinds, f.deviceKind),
    ...oneHot(encoding.sensorKinds, f.sensorKind),
    // Hour both as a circle (23:00 is next to 00:00) and as four-hour blocks (night, morning...).
    Math.sin(angle),
    Math.cos(angle),
    ...index(6, Math.floor(hour / 4)),
    ...index(7, Math.min(Math.max(Math.round(f.weekday), 1), 7) - 1),
    Math.log1p(Math.max(f.recentAlerts, 0)) / 3,
    f.battery === null ? 0 : f.battery / 100,
    f.battery === null ? 1 : 0,
    // -120 dBm (no signal) .. -40 dBm (excellent) onto 0..1.
    f.signalDbm === null ? 0 : Math.min(Math.max((f.signalDbm + 120) / 80, 0), 1),
    f.signalDbm === null ? 1 : 0,
  ];
}
