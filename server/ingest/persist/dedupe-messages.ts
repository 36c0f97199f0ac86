// Drops messages whose msg_id this source already sent (broker redelivery,
// device resends). Runs inside the batch transaction so a message is either
// stored with its dedupe key or not at all. A GPS fix with its own time is
// only deduplicated within the batch here: its row is its dedupe key
// (store-guard-locations.ts).
import type { TransactionSql } from "postgres";
import type { ValidatedMessage } from "../pipeline/types";

/** The source column of ingest_dedupe: family and the source's id, as in the topic. */
export function dedupeSource(message: ValidatedMessage): string {
  return `${message.family}/${message.source.externalId}`;
}

/**
 * A GPS fix with its own time and a msg_id: its guard_locations row is unique by guard, time and msg_id
 * (migration 0030), so a resend's insert does nothing, and it needs no ingest_dedupe row as well.
 */
function dedupedByItsRow(message: ValidatedMessage): boolean {
  return message.family === "guard" && message.data.msg_id !== undefined && message.data.timestamp !== undefined;
}

function dedupeKey(message: ValidatedMessage): string | null {
  const msgId = message.data.msg_id;
  return msgId !== undefined ? `${dedupeSource(message)}|${msgId}` : null;
}

export async function dedupeMessages(
  tx: TransactionSql,
  messages: ValidatedMessage[],
): Promise<{ fresh: ValidatedMessage[]; duplicates: ValidatedMessage[] }> {
  const seen = new Set<string>();
  const firstByKey = new Map<string, ValidatedMessage>();
  const fresh: ValidatedMessage[] = [];
  const duplicates: ValidatedMessage[] = [];
  for (const message of messages) {
    const key = dedupeKey(message);
    if (key === null) fresh.push(message);
    else if (seen.has(key)) duplicates.push(message);
    else {
      seen.add(key);
      // Its row's insert tells whether it was stored before.
      if (dedupedByItsRow(message)) fresh.push(message);
      else firstByKey.set(key, message);
    }
  }
  if (firstByKey.size === 0) return { fresh, duplicates };

  const sources: string[] = [];
  const msgIds: string[] = [];
  // In key order: two processes inserting the same keys (a resend taken by both) wait for each other, never deadlock.
  for (const key of [...firstByKey.keys()].sort()) {
    const bar = key.indexOf("|");
    sources.push(key.slice(0, bar));
    msgIds.push(key.slice(bar + 1));
  }
  const inserted = await tx<{ key: string }[]>`
    insert into ingest_dedupe (source, msg_id)
    select * from unnest(${sources}::text[], ${msgIds}::text[])
    on conflict do nothing
    returning source || '|' || msg_id as key`;
  const insertedKeys = new Set(inserted.map((r) => r.key));
  for (const [key, message] of firstByKey) (insertedKeys.has(key) ? fresh : duplicates).push(message);
  return { fresh, duplicates };
}
