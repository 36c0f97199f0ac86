// Device logins for the HTTP ingest adapters (OwnTracks's HTTP mode): the
// same external id and secret as on the broker. A verified login is cached
// for a few seconds, so a phone posting every second costs no query, and a
// revoked or rotated device is refused within that time, as on the broker.
import type { Sql } from "postgres";
import { deviceSecretMatches } from "../../auth/device-secret";

export type DeviceLogins = { verify: (externalId: string, secret: string) => Promise<boolean> };

type Entry = { secretHash: string | null; expiresAt: number };

export function createDeviceLogins({
  sql,
  ttlMs = 5_000,
  maxEntries = 100_000,
}: {
  sql: Sql;
  ttlMs?: number;
  maxEntries?: number;
}): DeviceLogins {
  const cache = new Map<string, Entry>();
  async function secretHashOf(externalId: string): Promise<string | null> {
    const hit = cache.get(externalId);
    if (hit && hit.expiresAt > Date.now()) return hit.secretHash;
    const [row] = await sql<{ secretHash: string }[]>`
      select secret_hash as "secretHash" from devices where external_id = ${externalId} and revoked_at is null`;
    if (cache.size >= maxEntries) cache.clear();
    const secretHash = row?.secretHash ?? null;
    cache.set(externalId, { secretHash, expiresAt: Date.now() + ttlMs });
    return secretHash;
  }
  return {
    async verify(externalId, secret) {
      const secretHash = await secretHashOf(externalId);
      return secretHash !== null && deviceSecretMatches(secret, secretHash);
    },
  };
}
