// OwnTracks's HTTP mode has no downlink of its own: the app reads commands
// from the answer to each post (owntracks.org/booklet/tech/http). A post
// marks the phone as an HTTP one (so the command worker leaves its commands
// queued), and takes its queued, unexpired commands that the app understands,
// marking them sent in the same statement so two posts never both take one.
//
// Most posts have no command waiting, and a query per post would cost the
// database a statement for every fix. So this process knows which phones may
// have one: a command queued for a device notifies its external id
// (migration 0029's trigger, whoever queued it), the set is loaded whenever
// the listen connection is (re)established and every minute in case a
// notification was lost, and until it is loaded every post claims. A post
// queries only for a phone in the set, or when its HTTP mark is due.
import type { Sql } from "postgres";
import {
  OWNTRACKS_COMMAND_TYPES,
  OWNTRACKS_HTTP_RECENT_MS,
  ownTracksCommandFor,
  type OwnTracksCommand,
} from "../../contracts/owntracks-commands";
import type { Logger } from "../../observability/logger";

const COMMAND_QUEUED_CHANNEL = "vigil_device_command_queued";

/** Refreshed well inside the command worker's window, not at every post. */
const MARK_EVERY_MS = OWNTRACKS_HTTP_RECENT_MS / 4;
const MAX_MARKED = 100_000;

export type OwnTracksCommandClaims = {
  /** The commands waiting for this phone, now marked sent; [] most of the time, without a query. */
  claim: (deviceExternalId: string) => Promise<OwnTracksCommand[]>;
  stop: () => Promise<void>;
};

async function claimStatement(sql: Sql, deviceExternalId: string): Promise<OwnTracksCommand[]> {
  const stale = new Date(Date.now() - MARK_EVERY_MS);
  const claimed = await sql<{ type: string; params: unknown; created_at: Date }[]>`
    with marked as (
      update devices set owntracks_http_at = now()
      where external_id = ${deviceExternalId} and (owntracks_http_at is null or owntracks_http_at < ${stale})
    )
    update device_commands c set status = 'sent', sent_at = now()
    from devices d
    where d.external_id = ${deviceExternalId} and c.device_id = d.id and c.tenant_id = d.tenant_id
      and c.status = 'queued' and c.expires_at > now() and c.type = any(${OWNTRACKS_COMMAND_TYPES}::text[])
    returning c.type, c.params, c.created_at`;
  // Oldest first, as they were queued (an update's returning has no order of its own).
  claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return claimed.flatMap(({ type, params }) => ownTracksCommandFor(type, params) ?? []);
}

export async function createOwnTracksCommandClaims({
  sql,
  logger,
  reloadEveryMs = 60_000,
}: {
  sql: Sql;
  logger: Logger;
  reloadEveryMs?: number;
}): Promise<OwnTracksCommandClaims> {
  /** Phones that may have a command waiting; undefined until loaded (then every post claims). */
  let waiting: Set<string> | undefined;
  /** What was notified while a load ran, which the loaded set must not lose. */
  let notifiedDuringLoad: Set<string> | undefined;
  const markedAt = new Map<string, number>();

  async function load(): Promise<void> {
    const during = (notifiedDuringLoad = new Set());
    try {
      const rows = await sql<{ externalId: string }[]>`
        select distinct d.external_id as "externalId"
        from device_commands c join devices d on d.id = c.device_id and d.tenant_id = c.tenant_id
        where c.status = 'queued' and c.expires_at > now() and c.type = any(${OWNTRACKS_COMMAND_TYPES}::text[])`;
      waiting = new Set([...rows.map((r) => r.externalId), ...during]);
    } catch (error) {
      logger.warn({ err: error }, "loading the phones with commands waiting failed: every post claims meanwhile");
      waiting = undefined;
    } finally {
      if (notifiedDuringLoad === during) notifiedDuringLoad = undefined;
    }
  }

  const listener = await sql.listen(
    COMMAND_QUEUED_CHANNEL,
    (externalId) => {
      waiting?.add(externalId);
      notifiedDuringLoad?.add(externalId);
    },
    () => void load(),
  );
  const timer = setInterval(() => void load(), reloadEveryMs);
  timer.unref();

  return {
    async claim(deviceExternalId) {
      const now = Date.now();
      const markDue = now - (markedAt.get(deviceExternalId) ?? 0) >= MARK_EVERY_MS;
      if (waiting && !waiting.has(deviceExternalId) && !markDue) return [];
      // Out of the set before the query: a command queued while it runs notifies it back in.
      waiting?.delete(deviceExternalId);
      try {
        const commands = await claimStatement(sql, deviceExternalId);
        if (markedAt.size >= MAX_MARKED) markedAt.clear();
        markedAt.set(deviceExternalId, now);
        return commands;
      } catch (error) {
        waiting?.add(deviceExternalId);
        throw error;
      }
    },
    async stop() {
      clearInterval(timer);
      await listener.unlisten();
    },
  };
}
