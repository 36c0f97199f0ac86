// Checkpoint scans (`guard/{guardId}/checkpoint`) in the batch transaction:
// the codes are looked up in one query, each in its guard's own tenant; a
// known checkpoint becomes a visit (record-visit.ts decides which runs it
// counts for), an unknown code (a wrong one, or another tenant's) is
// quarantined and never counted. Every scan with a msg_id is owed a receipt
// saying what became of it, kept on its dedupe row so a resend gets it again.
import type { TransactionSql } from "postgres";
import { codeKey, findCheckpointsByCode } from "../../services/patrols/find-checkpoints-by-code";
import { recordVisit } from "../../services/patrols/record-visit";
import type { RejectedMessage, ValidatedAs } from "../pipeline/types";
import { dedupeSource } from "./dedupe-messages";
import { receiptTopic, type Receipt } from "./receipt";

type Scan = ValidatedAs<"checkpoint">;

/** counted: a run took the visit; not_counted: a checkpoint of the tenant no run needed now; unknown_checkpoint: quarantined. */
type ScanResult = "counted" | "not_counted" | "unknown_checkpoint";

export type RunRef = { tenantId: string; runId: string };

type RecordedScans = { refused: RejectedMessage[]; receipts: Receipt[]; runs: RunRef[] };

export async function recordScans(tx: TransactionSql, scans: Scan[]): Promise<RecordedScans> {
  if (scans.length === 0) return { refused: [], receipts: [], runs: [] };
  const lookups = scans.map(({ source, data }) => ({ tenantId: source.tenantId, code: data.code }));
  const checkpointIds = await findCheckpointsByCode(tx, lookups);
  const refused: RejectedMessage[] = [];
  const receipts: Receipt[] = [];
  const runs: RunRef[] = [];
  const refs: { source: string; msgId: string; ref: string }[] = [];
  for (const [i, scan] of scans.entries()) {
    const { source, data, recordedAt, message } = scan;
    const checkpointId = checkpointIds.get(codeKey(lookups[i]!)) ?? null;
    let result: ScanResult = "unknown_checkpoint";
    if (checkpointId === null) {
      refused.push({
        message,
        family: "checkpoint",
        source,
        reason: "unknown_checkpoint",
        detail: "the code names no checkpoint of this guard's tenant",
      });
    } else {
      const progress = await recordVisit(tx, {
        tenantId: source.tenantId,
        guardId: source.guardId,
        checkpointId,
        method: data.method,
        visitedAt: recordedAt,
      });
      result = progress.length > 0 ? "counted" : "not_counted";
      runs.push(...progress.map(({ runId }) => ({ tenantId: source.tenantId, runId })));
    }
    if (data.msg_id === undefined) continue;
    const body = { checkpoint_id: checkpointId, result };
    receipts.push({ topic: receiptTopic(source), msgId: data.msg_id, body });
    refs.push({ source: dedupeSource(scan), msgId: data.msg_id, ref: JSON.stringify(body) });
  }
  if (refs.length > 0) {
    await tx`
      update ingest_dedupe d set ref = v.ref
      from unnest(${refs.map((r) => r.source)}::text[], ${refs.map((r) => r.msgId)}::text[],
                  ${refs.map((r) => r.ref)}::text[]) as v(source, msg_id, ref)
      where d.source = v.source and d.msg_id = v.msg_id`;
  }
  return { refused, receipts, runs };
}

/**
 * Receipts for resent scans or check-ins already handled (call after they are recorded): the same answer as the
 * first time, kept on the dedupe row.
 */
export async function receiptsForResentScans(
  tx: TransactionSql,
  duplicates: (Scan | ValidatedAs<"check-in">)[],
): Promise<Receipt[]> {
  const resent = duplicates.flatMap((scan) =>
    scan.data.msg_id === undefined ? [] : [{ scan, msgId: scan.data.msg_id, source: dedupeSource(scan) }],
  );
  if (resent.length === 0) return [];
  const rows = await tx<{ source: string; msgId: string; ref: string | null }[]>`
    select d.source, d.msg_id as "msgId", d.ref from ingest_dedupe d
    join unnest(${resent.map((r) => r.source)}::text[], ${resent.map((r) => r.msgId)}::text[])
      as v(source, msg_id) on d.source = v.source and d.msg_id = v.msg_id`;
  const refByKey = new Map(rows.map((r) => [`${r.source}|${r.msgId}`, r.ref]));
  return resent.flatMap(({ scan, msgId, source }) => {
    const ref = refByKey.get(`${source}|${msgId}`);
    return ref ? [{ topic: receiptTopic(scan.source), msgId, body: JSON.parse(ref) as Receipt["body"] }] : [];
  });
}
