// Who a connection to the embedded broker is: Vigil's own service account, an
// anonymous client (development only), or a device by its external id and
// the secret issued at registration. The client id is checked here too,
// before aedes would close the client that holds it (and, with a clean
// start, wipe its session): a device cannot take over the ingestor's or
// another device's session.
import { timingSafeEqual } from "node:crypto";
import type { AuthenticateError } from "aedes";
import type { Sql } from "postgres";
import type { DeviceIdentity } from "../auth/device-acl";
import { deviceSecretMatches } from "../auth/device-secret";
import { createClientIdPolicy, type ClientIdRefusal } from "./client-id-policy";

export type DeviceLogin = { kind: "device"; tenantId: string; deviceId: string } & DeviceIdentity;
export type BrokerIdentity = { kind: "service" } | { kind: "anonymous" } | DeviceLogin;
export type ServiceAccount = { username: string; password: string };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// CONNACK return codes (MQTT 3.1.1): 2 identifier rejected, 3 server unavailable, 4 bad credentials.
export function authError(returnCode: 2 | 3 | 4, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as unknown as AuthenticateError;
}

export function createBrokerLogin({
  sql,
  service,
  allowAnonymous,
}: {
  sql: Sql;
  service: ServiceAccount;
  allowAnonymous: boolean;
}): (
  clientId: string,
  username: string | undefined,
  password: Buffer | undefined,
) => Promise<BrokerIdentity | "bad_login" | ClientIdRefusal> {
  async function identify(username: string | undefined, password: Buffer | undefined): Promise<BrokerIdentity | null> {
    if (username === undefined) return allowAnonymous ? { kind: "anonymous" } : null;
    const secret = password?.toString("utf8") ?? "";
    if (username === service.username) return sameSecret(secret, service.password) ? { kind: "service" } : null;
    // Its guard counts only within its own tenant (registration checks it; this keeps a row bound by hand to
    // another tenant's guard from publishing that guard's alarms).
    const [device] = await sql<
      { secretHash: string; guardExternalId: string | null; tenantId: string; deviceId: string }[]
    >`
      select d.secret_hash as "secretHash", g.external_id as "guardExternalId", d.tenant_id as "tenantId", d.id as "deviceId"
      from devices d left join guards g on g.id = d.guard_id and g.tenant_id = d.tenant_id
      where d.external_id = ${username} and d.revoked_at is null`;
    if (!device || !deviceSecretMatches(secret, device.secretHash)) return null;
    const { tenantId, deviceId, guardExternalId } = device;
    return { kind: "device", externalId: username, guardExternalId, tenantId, deviceId };
  }

  const refuseClientId = createClientIdPolicy({ sql });

  return async function login(clientId, username, password) {
    const identity = await identify(username, password);
    if (!identity) return "bad_login";
    return (await refuseClientId(identity, clientId)) ?? identity;
  };
}
