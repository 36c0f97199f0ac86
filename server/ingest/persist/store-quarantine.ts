// Keeps rejected messages with their reason and the first 4 KiB of payload.
import type { TransactionSql } from "postgres";
import { printablePayload } from "../../lib/printable-payload";
import type { Envelope, RejectReason } from "../pipeline/types";

export type Rejection = { envelope: Envelope; reason: RejectReason; detail?: string };

export async function storeQuarantine(tx: TransactionSql, rejections: Rejection[]): Promise<void> {
  if (rejections.length === 0) return;
  const rows = rejections.map(({ envelope, reason, detail }) => ({
    tenant_id: envelope.source?.tenantId ?? null,
    device_id: envelope.source?.deviceId ?? null,
    topic: envelope.message.topic.slice(0, 512).replaceAll("\u0000", "\uFFFD"),
    reason,
    detail: detail?.replaceAll("\u0000", "\uFFFD") ?? null,
    payload: printablePayload(envelope.message.payload),
  }));
  await tx`insert into mqtt_quarantine ${tx(rows)}`;
}
