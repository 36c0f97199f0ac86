// Keeps rejected messages with their reason and the first 4 KiB of payload.
import type { TransactionSql } from "postgres";
import { printablePayload } from "../../lib/printable-payload";
import type { RejectedMessage } from "../pipeline/types";

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
