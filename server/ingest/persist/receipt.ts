// End-to-end receipts (design section 2): after the commit, `{msg_id, ...body}`
// on the source's receipts topic; devices resend until they get one. Alarms
// are answered with their alert id, checkpoint scans with what became of them.
import { downlinkTopic } from "../../contracts/mqtt-topics";
import type { Source } from "../pipeline/types";

export type Receipt = { topic: string; msgId: string; body: Record<string, string | null> };

export function receiptTopic(source: Source): string {
  return downlinkTopic(source.kind, source.externalId, "receipts");
}

/** The receipt's MQTT payload. */
export function receiptPayload({ msgId, body }: Receipt): string {
  return JSON.stringify({ msg_id: msgId, ...body });
}
