// Who may use which MQTT name: Vigil's own accounts and client ids start with
// `vigil-`; a device's client id is its external id, optionally followed by
// `@` and a suffix of its choosing (`phone-1` or `phone-1@tablet`). External
// ids cannot contain `@` (see api.ts), so a client id names one owner only.
const RESERVED_PREFIX = "vigil-";
const CLIENT_ID_SEPARATOR = "@";

/** True for names only Vigil's service account may use: `vigil-*` (any case) and the configured MQTT_USERNAME. */
export function isReservedMqttName(name: string, serviceUsername?: string): boolean {
  return name.toLowerCase().startsWith(RESERVED_PREFIX) || (serviceUsername !== undefined && name === serviceUsername);
}

/** The external id a client id belongs to: all of it, or what comes before the first `@`. */
export function clientIdOwner(clientId: string): string {
  const at = clientId.indexOf(CLIENT_ID_SEPARATOR);
  return at === -1 ? clientId : clientId.slice(0, at);
}

/** A device may connect only with a client id it owns. */
export function deviceOwnsClientId(externalId: string, clientId: string): boolean {
  return clientIdOwner(clientId) === externalId;
}

/** `::` marks a sensor behind a gateway (`{gateway id}::{its name there}`): ids only Vigil gives. */
export const GATEWAY_SENSOR_SEPARATOR = "::";
const MAX_ID_LENGTH = 128;

/** FNV-1a, 32 bits: a short, stable tag of a name (not a secret). */
function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/**
 * The external id of the sensor a gateway reports as `name` (a Zigbee2MQTT friendly name): `{gateway}::{name}`,
 * the name as a topic level, with `/`, spaces and other characters made `_` and then a tag of the whole name, so
 * that two names never share an id. Null when the gateway's own id leaves no room.
 */
export function gatewaySensorId(gateway: string, name: string): string | null {
  const prefix = `${gateway}${GATEWAY_SENSOR_SEPARATOR}`;
  const level = name.replace(/[^A-Za-z0-9._-]/g, "_");
  if (level === name && prefix.length + level.length <= MAX_ID_LENGTH) return prefix + level;
  const room = MAX_ID_LENGTH - prefix.length - 9;
  return room < 1 ? null : `${prefix}${level.slice(0, room)}-${nameTag(name)}`;
}
