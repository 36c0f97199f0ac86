// What the guard app has sent and not yet had a receipt for: scans,
// check-ins and the panic. Kept in localStorage, so a message made offline or
// before a reload goes out later with its original time and msg_id, and is
// resent (the same msg_id, so the server stores it once) until its receipt
// comes back on the guard's receipts topic.
import type { QueuedMessage } from "@/server/contracts/guard-app";

const KEY = "vigil.guardApp.outbox";
/** Oldest messages are dropped past this, so a phone offline for days cannot fill its storage. */
const MAX_MESSAGES = 500;

export function loadOutbox(storage: Storage): QueuedMessage[] {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as QueuedMessage[]) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(storage: Storage, outbox: readonly QueuedMessage[]): void {
  storage.setItem(KEY, JSON.stringify(outbox.slice(-MAX_MESSAGES)));
}

/** A new message stamped now, with a fresh msg_id. */
export function newMessage(
  topic: string,
  qos: QueuedMessage["qos"],
  fields: Record<string, unknown> = {},
  { now = new Date(), id = crypto.randomUUID() }: { now?: Date; id?: string } = {},
): QueuedMessage {
  return { topic, qos, payload: { ...fields, msg_id: id, timestamp: now.toISOString() } };
}

/** The outbox without the message this receipt answers. */
export function settle(outbox: readonly QueuedMessage[], msgId: string): QueuedMessage[] {
  return outbox.filter((m) => m.payload.msg_id !== msgId);
}
