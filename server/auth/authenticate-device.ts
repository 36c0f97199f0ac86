// A device calling the API as itself (the guard app): HTTP Basic with its
// external id and MQTT secret, as on the broker. A revoked or deleted device,
// or a wrong secret, is a 401; the tenant and guard come from the device row.
import type { Sql } from "postgres";
import { AppError } from "../observability/app-error";
import { basicCredentials } from "./basic-credentials";
import { deviceSecretMatches } from "./device-secret";

export type DeviceActor = { tenantId: string; deviceId: string; externalId: string; guardId: string | null };

export async function authenticateDevice(sql: Sql, request: Request): Promise<DeviceActor> {
  const credentials = basicCredentials(request.headers.get("authorization"));
  if (credentials) {
    const [row] = await sql<(Omit<DeviceActor, "externalId"> & { secretHash: string })[]>`
      select id as "deviceId", tenant_id as "tenantId", guard_id as "guardId", secret_hash as "secretHash"
      from devices where external_id = ${credentials.user} and revoked_at is null`;
    if (row && deviceSecretMatches(credentials.password, row.secretHash)) {
      const { secretHash: _, ...actor } = row;
      return { ...actor, externalId: credentials.user };
    }
  }
  throw new AppError("unauthenticated", "Log in with the device's id and secret (HTTP Basic).");
}
