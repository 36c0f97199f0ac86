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
