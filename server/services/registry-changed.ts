// Tells every ingest process that a guard or device changed, so its cached
// lookup (including a cached "unknown") is dropped at once.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

export const REGISTRY_CHANNEL = "vigil_registry";

export async function notifyRegistryChanged(db: Db, externalId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${REGISTRY_CHANNEL}, ${externalId})`);
}
