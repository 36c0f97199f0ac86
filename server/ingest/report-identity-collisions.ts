// At ingest start: ids a guard and a device both hold (data from before
// migration 0012, listed by the mqtt_identity_collisions view) are logged,
// because their messages are quarantined as ambiguous_source until an admin
// renames or deletes one of the two.
import type { Sql } from "postgres";
import type { Logger } from "../observability/logger";

export async function reportIdentityCollisions({ sql, logger }: { sql: Sql; logger: Logger }): Promise<number> {
  const rows = await sql<{ externalId: string }[]>`
    select external_id as "externalId" from mqtt_identity_collisions order by external_id limit 100`;
  if (rows.length > 0) {
    logger.warn(
      { count: rows.length, external_ids: rows.map((r) => r.externalId) },
      "MQTT ids held by both a guard and a device: their messages are quarantined as ambiguous_source",
    );
  }
  return rows.length;
}
