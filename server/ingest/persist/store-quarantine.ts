// Keeps rejected messages with their reason and the first 4 KiB of payload;
// a refused check-in's PIN is blanked first (a PIN is a secret even when the
// message around it is malformed).
import type { TransactionSql } from "postgres";
import { printablePayload } from "../../lib/printable-payload";
import type { RejectedMessage } from "../pipeline/types";

const PIN_FIELD = /("pin"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\s]*)/g;

function withoutPin(topic: string, payload: string): string {
  return topic.endsWith("/check-in") ? payload.replace(PIN_FIELD, '$1"[redacted]"') : payload;
}

export async function storeQuarantine(tx: TransactionSql, rejections: RejectedMessage[]): Promise<void> {
  if (rejections.length === 0) return;
  const rows = rejections.map(({ message, source, reason, detail }) => ({
    tenant_id: source?.tenantId ?? null,
    device_id: source?.deviceId ?? null,
    topic: message.topic.slice(0, 512).replaceAll("\u0000", "\uFFFD"),
    reason,
    detail: detail?.replaceAll("\u0000", "\uFFFD") ?? null,
    payload: withoutPin(message.topic, printablePayload(message.payload)),
  }));
  await tx`insert into mqtt_quarantine ${tx(rows)}`;
}
