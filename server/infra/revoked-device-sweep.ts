// Revoked or deleted devices lose their connection to the embedded broker
// within a few seconds, whichever process revoked them. Checked by the device
// row's id, not its external id: a deleted device's id may already belong to
// a new device (of any tenant), and the old connection must not live on as
// that one.
import type { Client } from "aedes";
import type { Sql } from "postgres";
import type { Logger } from "../observability/logger";
import type { DeviceLogin } from "./broker-login";

const REVOCATION_CHECK_MS = 2000;

export function startRevokedDeviceSweep({
  sql,
  logger,
  connectedDevices,
}: {
  sql: Sql;
  logger: Logger;
  /** The device connections open now, with who each one logged in as. */
  connectedDevices: () => Iterable<[Client, DeviceLogin]>;
}): { stop: () => void } {
  const timer = setInterval(() => {
    const byDevice = new Map<string, { externalId: string; clients: Client[] }>();
    for (const [client, login] of connectedDevices()) {
      const entry = byDevice.get(login.deviceId) ?? { externalId: login.externalId, clients: [] };
      entry.clients.push(client);
      byDevice.set(login.deviceId, entry);
    }
    if (byDevice.size === 0) return;
    sql<{ id: string }[]>`
      select v.id::text as id from unnest(${[...byDevice.keys()]}::uuid[]) as v(id)
      where not exists (select 1 from devices d where d.id = v.id and d.revoked_at is null)`.then(
      (gone) => {
        for (const { id } of gone) {
          const entry = byDevice.get(id);
          logger.info({ device_id: id, device: entry?.externalId }, "disconnecting revoked device");
          for (const client of entry?.clients ?? []) client.close();
        }
      },
      (error: unknown) => logger.warn({ err: error }, "revocation check failed"),
    );
  }, REVOCATION_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
