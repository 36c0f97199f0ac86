// Drops messages whose msg_id this source already sent (broker redelivery,
// device resends). Runs inside the batch transaction so a message is either
// stored with its dedupe key or not at all.
import type { TransactionSql } from "postgres";
import type { Envelope } from "../pipeline/types";

function dedupeKey(envelope: Envelope): string | null {
  const msgId = envelope.data?.msg_id;
  return typeof msgId === "string" ? `${envelope.family}/${envelope.topicId}|${msgId}` : null;
}

export async function dedupeMessages(
  tx: TransactionSql,
  envelopes: Envelope[],
): Promise<{ fresh: Envelope[]; duplicates: Envelope[] }> {
  const firstByKey = new Map<string, Envelope>();
  const fresh: Envelope[] = [];
  const duplicates: Envelope[] = [];
  for (const envelope of envelopes) {
    const key = dedupeKey(envelope);
    if (key === null) fresh.push(envelope);
    else if (firstByKey.has(key)) duplicates.push(envelope);
    else firstByKey.set(key, envelope);
  }
  if (firstByKey.size === 0) return { fresh, duplicates };

  const sources: string[] = [];
  const msgIds: string[] = [];
  for (const key of firstByKey.keys()) {
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
  for (const [key, envelope] of firstByKey) (insertedKeys.has(key) ? fresh : duplicates).push(envelope);
  return { fresh, duplicates };
}
