// Which client ids a broker login may use (issue 16, item 2): `vigil-*` are
// Vigil's service account's; a device owns its external id, alone or followed
// by `@suffix` (server/contracts/mqtt-identity.ts); an anonymous client
// (development only) may use neither a `vigil-*` id nor one a registered
// guard or device owns. Checked at CONNECT, before aedes would close the
// client already holding the id (and, with a clean start, wipe its session).
import type { Sql } from "postgres";
import { clientIdOwner, deviceOwnsClientId, isReservedMqttName } from "../contracts/mqtt-identity";

/** A login whose client id belongs to Vigil (`vigil-*`) or to another identity. */
export type ClientIdRefusal = "client_id_reserved" | "client_id_not_owned";

type Login = { kind: "service" } | { kind: "anonymous" } | { kind: "device"; externalId: string };

export function createClientIdPolicy({ sql }: { sql: Sql }) {
  return async function refuseClientId(login: Login, clientId: string): Promise<ClientIdRefusal | null> {
    if (login.kind === "service") return null;
    if (isReservedMqttName(clientId)) return "client_id_reserved";
    if (login.kind === "device") return deviceOwnsClientId(login.externalId, clientId) ? null : "client_id_not_owned";
    const [owned] = await sql`select 1 from mqtt_identities where external_id = ${clientIdOwner(clientId)}`;
    return owned ? "client_id_not_owned" : null;
  };
}
