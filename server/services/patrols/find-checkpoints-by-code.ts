// The checkpoints scanned codes name, each looked up in its guard's own tenant
// only: another tenant's code is as unknown as a wrong one. One query for a
// whole ingest batch of scans.
import type { TransactionSql } from "postgres";

type CodeLookup = { tenantId: string; code: string };

export function codeKey({ tenantId, code }: CodeLookup): string {
  return `${tenantId}|${code}`;
}

/** Checkpoint ids by `codeKey`; a code without a checkpoint in that tenant is absent. */
export async function findCheckpointsByCode(
  tx: TransactionSql,
  lookups: readonly CodeLookup[],
): Promise<Map<string, string>> {
  if (lookups.length === 0) return new Map();
  const rows = await tx<{ tenantId: string; code: string; id: string }[]>`
    select c.tenant_id as "tenantId", c.code, c.id
    from checkpoints c
    join unnest(${lookups.map((l) => l.tenantId)}::uuid[], ${lookups.map((l) => l.code)}::text[]) as l(tenant_id, code)
      on c.code = l.code and c.tenant_id = l.tenant_id`;
  return new Map(rows.map((row) => [codeKey(row), row.id]));
}

/** The checkpoint a code names, in the guard's own tenant only. */
export async function findCheckpointByCode(
  tx: TransactionSql,
  tenantId: string,
  code: string,
): Promise<string | undefined> {
  return (await findCheckpointsByCode(tx, [{ tenantId, code }])).get(codeKey({ tenantId, code }));
}
