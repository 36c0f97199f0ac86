// OwnTracks's HTTP mode has no downlink of its own: the app reads commands
// from the answer to each post (owntracks.org/booklet/tech/http). A post
// marks the phone as an HTTP one (so the command worker leaves its commands
// queued), and takes its queued, unexpired commands that the app understands,
// marking them sent in the same statement so two posts never both take one.
// One round trip per post: the mark and the claim are one statement.
import type { Sql } from "postgres";
import {
  OWNTRACKS_COMMAND_TYPES,
  OWNTRACKS_HTTP_RECENT_MS,
  ownTracksCommandFor,
  type OwnTracksCommand,
} from "../../contracts/owntracks-commands";

export async function claimOwnTracksCommands(sql: Sql, deviceExternalId: string): Promise<OwnTracksCommand[]> {
  // Refreshed well inside the worker's window, not at every post.
  const stale = new Date(Date.now() - OWNTRACKS_HTTP_RECENT_MS / 4);
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
