// OwnTracks adapter (owntracks.org/booklet/tech/json): turns the app's JSON
// into Vigil's native uplink. `location` becomes the guard's GPS fix
// (`tst` epoch seconds as its time, `acc` m, `vel` km/h as speed in m/s,
// `cog` as heading, `batt` %, the rest kept as extra fields) and, when its
// battery level is due (phone-telemetry.ts), the phone's telemetry; `transition`
// (a region enter/leave) is stored as a `transition` reading of the device;
// `lwt` (the broker's last will for the app) marks the device offline; every
// other `_type` is ignored. Shared by MQTT mode and HTTP mode.
import { epochSecondsToIso, jsonObjectOf, native, nativeUplink, type AdaptedMessage } from "./adapted-message";

export type OwnTracksSource = {
  /** The OwnTracks user: the device's external id, its broker or HTTP login. */
  deviceExternalId: string;
  /** The app's device name (the topic's third level), kept with each message. */
  deviceName: string;
  /** The guard the device belongs to, whose position a location moves. */
  guardExternalId: string | null;
  /** Whether a location's battery level is stored as the phone's telemetry too (phone-telemetry.ts); else always. */
  batteryDue?: (battery: unknown) => boolean;
};

const KMH_TO_MS = 1 / 3.6;

/** A per-source message id from the app's own fix time, so a redelivered message is stored once. */
function messageId(deviceName: string, type: string, tst: unknown): string | undefined {
  return typeof tst === "number" && Number.isFinite(tst) ? `owntracks:${deviceName}:${type}:${tst}` : undefined;
}

function location(json: Record<string, unknown>, source: OwnTracksSource): AdaptedMessage {
  const { _type, lat, lon, acc, vel, cog, batt, tst, topic: _topic, ...rest } = json;
  // A device with no guard has no position to move: the native topic's identify step quarantines it as such.
  const guard = source.guardExternalId ?? source.deviceExternalId;
  const fix = nativeUplink(`guard/${guard}/gps`, {
    ...rest,
    lat,
    lon,
    ...(acc === undefined ? {} : { accuracy: acc }),
    ...(vel === undefined ? {} : { speed: typeof vel === "number" ? vel * KMH_TO_MS : vel }),
    ...(cog === undefined ? {} : { heading: cog }),
    ...(batt === undefined ? {} : { battery: batt }),
    ...(tst === undefined ? {} : { timestamp: epochSecondsToIso(tst) }),
    msg_id: messageId(source.deviceName, "location", tst),
    client_id: source.deviceName,
  });
  if (batt === undefined || !(source.batteryDue?.(batt) ?? true)) return native(fix);
  const telemetry = nativeUplink(`device/${source.deviceExternalId}/telemetry`, {
    battery: batt,
    ...(tst === undefined ? {} : { timestamp: epochSecondsToIso(tst) }),
    msg_id: messageId(source.deviceName, "location", tst),
  });
  return native(fix, telemetry);
}

function transition(json: Record<string, unknown>, source: OwnTracksSource): AdaptedMessage {
  const { _type, event, desc, tst, topic: _topic, ...rest } = json;
  return native(
    nativeUplink(`sensor/${source.deviceExternalId}/transition`, {
      ...rest,
      state: event,
      ...(desc === undefined ? {} : { value: desc }),
      ...(tst === undefined ? {} : { timestamp: epochSecondsToIso(tst) }),
      // Not a string: no id of its own (the pipeline refuses the reading's state anyway).
      msg_id: typeof event === "string" ? messageId(source.deviceName, `transition:${event}`, tst) : undefined,
    }),
  );
}

/**
 * The native message for one OwnTracks payload (`parsed`: the object it holds, when the caller parsed it already).
 * A payload that is not a JSON object is passed on unchanged under the device's telemetry topic, so the pipeline
 * quarantines it under the device's tenant with its reason.
 */
export function fromOwnTracks(
  payload: Buffer,
  source: OwnTracksSource,
  maxPayloadBytes: number,
  parsed?: Record<string, unknown>,
): AdaptedMessage {
  const json = parsed ?? jsonObjectOf(payload, maxPayloadBytes);
  if (json === null) return native(nativeUplink(`device/${source.deviceExternalId}/telemetry`, payload));
  switch (json._type) {
    case "location":
      return location(json, source);
    case "transition":
      return transition(json, source);
    case "lwt":
      return { kind: "offline", deviceExternalId: source.deviceExternalId };
    default:
      return {
        kind: "ignored",
        reason: `owntracks ${typeof json._type === "string" ? json._type.slice(0, 32) : "untyped"}`,
      };
  }
}
