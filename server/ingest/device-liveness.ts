// Records that devices were heard from when what they sent is stored as
// someone else's: a phone app's fix (OwnTracks, Traccar Client) is the
// guard's, and its row does not touch the phone. Written every few seconds in
// one statement (liveness works in tens of seconds, see touch-devices.ts), so
// a phone posting every second costs no row and no query of its own. It skips
// a device row another transaction holds (an ingest batch touching the same
// phone, in its own lock order): it never waits, so it can never deadlock
// with one, and the phone's next fix marks it again.
import type { Sql } from "postgres";
import type { Logger } from "../observability/logger";

export type DeviceLiveness = {
  heard: (deviceExternalId: string) => void;
  /** Writes what is pending and stops. */
  stop: () => Promise<void>;
};

export function createDeviceLiveness({
  sql,
  logger,
  everyMs = 5_000,
}: {
  sql: Sql;
  logger: Logger;
  everyMs?: number;
}): DeviceLiveness {
  let pending = new Set<string>();
  async function write(): Promise<void> {
    if (pending.size === 0) return;
    const ids = [...pending];
    pending = new Set();
    try {
      await sql`
        with heard as (
          select id from devices where external_id = any(${ids}::text[]) and revoked_at is null
          for update skip locked)
        update devices d set last_seen_at = now() from heard where d.id = heard.id`;
    } catch (error) {
      // Kept for the next round: a database away for a moment must not make phones look silent.
      for (const id of ids) pending.add(id);
      logger.warn({ err: error, devices: ids.length }, "recording device liveness failed");
    }
  }
  const timer = setInterval(() => void write(), everyMs);
  timer.unref();
  return {
    heard(deviceExternalId) {
      pending.add(deviceExternalId);
    },
    async stop() {
      clearInterval(timer);
      await write();
    },
  };
}
