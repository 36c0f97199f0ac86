// Mosquitto 2 keeps routing a shared-subscription member's share of the group
// to its persistent session while the process is gone, and delivers it only
// when the same client id returns. So, on a shared subscription, every ingest
// session leaves a will, delayed so that a quick restart cancels it. The
// broker hands the will to one survivor through the group, and the survivor
// connects with the gone process's client id: it takes over that session
// (what was queued or in flight, and the share from then on) until the process
// returns and takes its session back (the broker then disconnects the
// adopter with 0x8E, "session taken over"). No state of our own: the broker's
// sessions are the state; a duplicate delivery on a hand-over is stored once
// (dedupe by msg_id).
import type { IClientOptions } from "mqtt";
import { GONE_TOPIC } from "../contracts/mqtt-topics";

/** A process back within this delay keeps its own session; after it, a survivor adopts it. */
const WILL_DELAY_SECONDS = 2;
export const SESSION_TAKEN_OVER = 0x8e;
/** MQTT 5 DISCONNECT reason: close, and let the broker publish the will. */
export const DISCONNECT_WITH_WILL = 0x04;

export function goneWill(clientId: string): NonNullable<IClientOptions["will"]> {
  return {
    topic: GONE_TOPIC,
    payload: Buffer.from(clientId),
    qos: 1,
    retain: false,
    properties: { willDelayInterval: WILL_DELAY_SECONDS },
  };
}

export const goneSubscription = (sharedGroup: string) => `$share/${sharedGroup}/${GONE_TOPIC}`;
