// Remembers each OwnTracks phone's own topic (`owntracks/{user}/{device
// name}`: the device name is the app's choice), where its commands go. Written
// only when it changes, so a phone reporting every few seconds costs one write
// per process start, not one per fix. A phone whose topic is new to Vigil is
// sent its guard's regions (workers/tasks/sync_owntracks_waypoints.ts), queued
// in the same statement.
import type { Sql } from "postgres";
import { jobSql } from "../../contracts/jobs";
import type { Logger } from "../../observability/logger";

const MAX_REMEMBERED = 100_000;

export function createOwnTracksTopics({ sql, logger }: { sql: Sql; logger: Logger }) {
  const written = new Map<string, string>();
  return {
    /** Records the topic in the background: ingestion never waits for it. */
    remember(deviceExternalId: string, topic: string): void {
      if (written.get(deviceExternalId) === topic) return;
      if (written.size >= MAX_REMEMBERED) written.clear();
      written.set(deviceExternalId, topic);
      const sync = jobSql("sync_owntracks_waypoints");
      sql`
        with changed as (
          update devices set owntracks_topic = ${topic}
          where external_id = ${deviceExternalId} and owntracks_topic is distinct from ${topic}
          returning tenant_id, guard_id)
        select graphile_worker.add_job(${sync.name}::text, json_build_object('tenantId', tenant_id),
                 max_attempts => ${sync.maxAttempts}::int, job_key => ${sync.keyPrefix}::text || tenant_id)
        from changed where guard_id is not null`.then(
        () => {},
        (error: unknown) => {
          written.delete(deviceExternalId);
          logger.warn({ err: error, device: deviceExternalId }, "remembering an OwnTracks topic failed");
        },
      );
    },
  };
}
