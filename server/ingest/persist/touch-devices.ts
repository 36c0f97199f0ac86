// Records when each device was last heard from (liveness, offline detection).
import type { TransactionSql } from "postgres";
import type { Envelope } from "../pipeline/types";

export async function touchDevices(tx: TransactionSql, envelopes: Envelope[]): Promise<void> {
  const ids = [...new Set(envelopes.map((e) => e.source?.deviceId).filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  await tx`update devices set last_seen_at = now() where id = any(${ids}::uuid[])`;
}
