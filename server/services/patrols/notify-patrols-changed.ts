// Tells every ingest process that a tenant's open tour runs or checkpoints
// changed, so its in-memory GPS targets (server/ingest/tenant-patrols.ts) are
// rebuilt. Sent inside the caller's transaction: PostgreSQL delivers it on commit.
import type { Sql, TransactionSql } from "postgres";
import { PATROLS_CHANNEL } from "../../contracts/patrols";

export async function notifyPatrolsChanged(sql: Sql | TransactionSql, tenantIds: Iterable<string>): Promise<void> {
  const unique = [...new Set(tenantIds)];
  if (unique.length === 0) return;
  await sql`select pg_notify(${PATROLS_CHANNEL}, t) from unnest(${unique}::text[]) as t`;
}
