// Records when each device was last heard from (liveness, offline detection).
// A device reporting every few seconds is written at most once per interval:
// offline detection works in tens of seconds, and a row update per message
// would cost the database as much as the message itself.
import type { TransactionSql } from "postgres";
import type { ValidatedMessage } from "../pipeline/types";

export type LastSeenWrites = Map<string, number>;

const INTERVAL_MS = 10_000;
const MAX_TRACKED = 1_000_000;

export async function touchDevices(
  tx: TransactionSql,
  messages: ValidatedMessage[],
  written: LastSeenWrites,
): Promise<void> {
  const now = Date.now();
  const ids = [
    ...new Set(messages.flatMap(({ source }) => (source.kind === "device" ? [source.deviceId] : []))),
  ].filter((id) => (written.get(id) ?? 0) + INTERVAL_MS <= now);
  if (ids.length === 0) return;
  if (written.size > MAX_TRACKED) written.clear();
  for (const id of ids) written.set(id, now);
  await tx`update devices set last_seen_at = now() where id = any(${ids}::uuid[])`;
}
