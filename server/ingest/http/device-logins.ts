// Device logins for the HTTP ingest adapters (OwnTracks's HTTP mode): the
// same external id and secret as on the broker, in an `Authorization: Basic`
// header. A verified login is cached for a few seconds, so a phone posting
// every second costs no query and no hashing, and a revoked or rotated device
// is refused within that time, as on the broker.
import type { Sql } from "postgres";
import { basicCredentials } from "../../auth/basic-credentials";
import { deviceSecretMatches } from "../../auth/device-secret";

export type DeviceLogins = {
  /** The device an `Authorization: Basic` header logs in, or null (no header, not Basic, or a wrong secret). */
  deviceOf: (authorization: string | undefined) => Promise<string | null>;
};

type Entry<T> = { value: T; expiresAt: number };

export function createDeviceLogins({
  sql,
  ttlMs = 5_000,
  maxEntries = 100_000,
}: {
  sql: Sql;
  ttlMs?: number;
  maxEntries?: number;
}): DeviceLogins {
  const secretHashes = new Map<string, Entry<string | null>>();
  /** Headers that verified, and their device: the same header again within the TTL is the same login. */
  const verified = new Map<string, Entry<string>>();
  const remember = <T>(cache: Map<string, Entry<T>>, key: string, entry: Entry<T>) => {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, entry);
  };

  async function secretHashOf(externalId: string): Promise<Entry<string | null>> {
    const hit = secretHashes.get(externalId);
    if (hit && hit.expiresAt > Date.now()) return hit;
    const [row] = await sql<{ secretHash: string }[]>`
      select secret_hash as "secretHash" from devices where external_id = ${externalId} and revoked_at is null`;
    const entry = { value: row?.secretHash ?? null, expiresAt: Date.now() + ttlMs };
    remember(secretHashes, externalId, entry);
    return entry;
  }

  return {
    async deviceOf(authorization) {
      if (!authorization) return null;
      const hit = verified.get(authorization);
      if (hit && hit.expiresAt > Date.now()) return hit.value;
      const credentials = basicCredentials(authorization);
      if (!credentials) return null;
      const { value: secretHash, expiresAt } = await secretHashOf(credentials.user);
      if (secretHash === null || !deviceSecretMatches(credentials.password, secretHash)) return null;
      // No longer than the secret it was checked against: a revoked device is refused as soon as a fresh read says so.
      remember(verified, authorization, { value: credentials.user, expiresAt });
      return credentials.user;
    },
  };
}
