// Zigbee2MQTT adapter (zigbee2mqtt.io, guide/usage/mqtt_topics_and_messages
// and guide/usage/exposes): turns what a gateway's Zigbee2MQTT publishes for
// one of its devices into native uplinks of the sensor Vigil keeps for it.
// The alarm-like exposes become readings of the kinds the sensor rules know:
// `smoke` (fire, always), `contact` as a door (Zigbee2MQTT's `false` is open),
// `occupancy` as motion (both alert while the site is armed), and `water_leak`,
// `tamper`, `vibration`, `presence`, `gas`, `carbon_monoxide`, `battery_low`
// and a button's `action` under their own names (an SOS button's `emergency`,
// `sos` or `panic` action is also a panic alarm, as a native panic button's,
// and so is any action an admin mapped to a panic on that sensor);
// `battery` and `temperature` (and every other field, as extras) are the
// sensor's telemetry. `last_seen`, when Zigbee2MQTT adds it, is their time.
import { nativeUplink, type NativeUplink } from "./adapted-message";

type Reading = { kind: string; value?: unknown; state?: unknown };

/** The exposes that become readings, and how: the reading's kind and its value or state. */
const READINGS: Record<string, (value: unknown) => Reading> = {
  smoke: (value) => ({ kind: "smoke", value }),
  // "Indicates if the contact is closed (= true) or open (= false)": a door, open when false.
  contact: (value) =>
    typeof value === "boolean" ? { kind: "door", state: value ? "closed" : "open" } : { kind: "door", value },
  occupancy: (value) => ({ kind: "motion", value }),
  water_leak: (value) => ({ kind: "water_leak", value }),
  tamper: (value) => ({ kind: "tamper", value }),
  vibration: (value) => ({ kind: "vibration", value }),
  presence: (value) => ({ kind: "presence", value }),
  gas: (value) => ({ kind: "gas", value }),
  carbon_monoxide: (value) => ({ kind: "carbon_monoxide", value }),
  battery_low: (value) => ({ kind: "battery_low", value }),
  action: (value) => ({ kind: "action", state: value }),
};
/** Actions that mean "help": SOS buttons and alarm remotes (HEIMAN HS1RC-EM: `emergency`; others add `panic`). */
const PANIC_ACTIONS = new Set(["emergency", "sos", "panic"]);
/**
 * Fields about the message, not the device, never stored as extras; and the native envelope's own names, which
 * Zigbee2MQTT never sends and which must not set a reading's time or message id.
 */
const ENVELOPE = new Set(["last_seen", "elapsed", "device", "timestamp", "msg_id", "seq"]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * `online` or `offline` from `bridge/state` or a device's `availability`: the JSON form (`{"state":"online"}`)
 * or the legacy plain one (`online`, `advanced.legacy_availability_payload`); null for anything else.
 */
export function parseAvailability(payload: Buffer): "online" | "offline" | null {
  if (payload.length > 256) return null;
  let text: string;
  try {
    text = utf8.decode(payload).trim();
  } catch {
    return null;
  }
  let state: unknown = text;
  if (text.startsWith("{")) {
    try {
      state = (JSON.parse(text) as { state?: unknown }).state;
    } catch {
      return null;
    }
  }
  return state === "online" || state === "offline" ? state : null;
}

/** `last_seen` (`advanced.last_seen`: ISO 8601, or epoch milliseconds) as the native timestamp. */
function timestampOf(lastSeen: unknown): { timestamp?: unknown } {
  if (lastSeen === undefined || lastSeen === null) return {};
  if (typeof lastSeen === "number" && Number.isFinite(lastSeen)) {
    const at = new Date(lastSeen);
    return { timestamp: Number.isNaN(at.getTime()) ? String(lastSeen) : at.toISOString() };
  }
  return { timestamp: lastSeen };
}

/**
 * The native uplinks of one device state: a reading per alarm-like expose present, and the sensor's telemetry
 * when anything else is left. Values are passed on as sent: the native schemas refuse a wrong one, naming it.
 */
export function fromZigbee2MqttState(
  state: Record<string, unknown>,
  sensorId: string,
  panicActions: readonly string[] = [],
): NativeUplink[] {
  const time = timestampOf(state.last_seen);
  const uplinks: NativeUplink[] = [];
  // Without a prototype: a `__proto__` key in the payload is a field like any other, not the object's prototype.
  const rest = Object.create(null) as Record<string, unknown>;
  for (const [field, value] of Object.entries(state)) {
    const reading = Object.hasOwn(READINGS, field) ? READINGS[field]! : undefined;
    // Zigbee2MQTT clears a button's `action` to "" (and leaves exposes never reported null): nothing happened.
    if (reading && value !== null && value !== "") {
      const { kind, ...data } = reading(value);
      uplinks.push(nativeUplink(`sensor/${sensorId}/${kind}`, { ...data, ...time }));
      const panic =
        field === "action" &&
        typeof value === "string" &&
        (PANIC_ACTIONS.has(value.toLowerCase()) || panicActions.includes(value));
      if (panic) {
        const message = `Panic: the button's ${value} action (Zigbee2MQTT)`;
        uplinks.push(nativeUplink(`alert/panic/${sensorId}`, { severity: "critical", message, ...time }));
      }
    } else if (!ENVELOPE.has(field) && !reading) {
      rest[field] = value;
    }
  }
  if (Object.keys(rest).length > 0) uplinks.push(nativeUplink(`device/${sensorId}/telemetry`, { ...rest, ...time }));
  return uplinks;
}
