// mqtt.js handles one incoming packet at a time: the next PUBLISH is read
// only after handleMessage's callback, which also writes the PUBACK. Waiting
// for a database commit there would mean one commit per message. So the
// callback is called at once and only the PUBACK write is held back until
// the message's batch commits. If the connection closes first, the held
// PUBACKs are dropped and the broker redelivers those messages to the
// persistent session.
import type { MqttClient } from "mqtt";

type Packet = { cmd: string; messageId?: number };
type SendPacket = (packet: Packet, cb?: (err?: Error) => void, ...rest: unknown[]) => void;

export type PubackGate = {
  /** Registers a QoS 1 message; call the returned function after its commit. */
  hold: (messageId: number) => () => void;
  /** Drops every held PUBACK (on disconnect). */
  reset: () => void;
  readonly held: number;
};

export function gatePubacks(client: MqttClient): PubackGate {
  type Slot = { committed: boolean; write?: () => void };
  let slots = new Map<number, Slot>();
  const internal = client as unknown as { _sendPacket: SendPacket };
  const send = internal._sendPacket.bind(client);

  internal._sendPacket = (packet, cb, ...rest) => {
    const { messageId } = packet;
    const slot = packet.cmd === "puback" && messageId !== undefined ? slots.get(messageId) : undefined;
    if (!slot || messageId === undefined) return send(packet, cb, ...rest);
    const write = () => send(packet, undefined, ...rest);
    if (slot.committed) {
      slots.delete(messageId);
      write();
    } else {
      slot.write = write;
    }
    cb?.();
  };

  return {
    hold(messageId) {
      const slot: Slot = { committed: false };
      const generation = slots;
      generation.set(messageId, slot);
      return () => {
        if (slots !== generation || generation.get(messageId) !== slot) return;
        slot.committed = true;
        if (slot.write) {
          generation.delete(messageId);
          slot.write();
        }
      };
    },
    reset() {
      slots = new Map();
    },
    get held() {
      return slots.size;
    },
  };
}
