// Keeps rejected messages with their reason and the first 4 KiB of payload.
import type { TransactionSql } from "postgres";
import type { RejectedMessage } from "../pipeline/types";

const MAX_PAYLOAD_CHARS = 4096;

export function printablePayload(payload: Buffer): string {
  // Lossy on purpose: the copy is for people reading the quarantine, and
  // PostgreSQL text cannot hold NUL or invalid UTF-8.
  return payload.subarray(0, MAX_PAYLOAD_CHARS).toString("utf8").replaceAll("\u0000", "\uFFFD");
}

export async function storeQuarantine(tx: TransactionSql, rejections: RejectedMessage[]): Promise<void> {
  if (rejections.length === 0) return;
  const rows = rejections.map(({ message, source, reason, detail }) => ({
    tenant_id: source?.tenantId ?? null,
    device_id: source?.deviceId ?? null,
    topic: message.topic.slice(0, 512).replaceAll("\u0000", "\uFFFD"),
    reason,
    detail: detail?.replaceAll("\u0000", "\uFFFD") ?? null,
    payload: printablePayload(message.payload),
  }));
  await tx`insert into mqtt_quarantine ${tx(rows)}`;
}
