// Reads the fixed header of every MQTT packet a connection sends to the
// embedded broker and closes the connection when a packet announces more
// bytes than allowed, or when the first packet is not CONNECT. mqtt-packet
// (aedes's parser) buffers a packet whole before aedes looks at it, so without
// this a client that never logs in could make the broker hold up to 256 MB
// per connection.
import type { Socket } from "node:net";

const CONNECT = 1;

export type FrameViolation = "first_packet_not_connect" | "packet_too_large" | "malformed_length";

/**
 * Taps the bytes aedes reads. Must be called after `broker.handle(socket)`:
 * with aedes's 'readable' listener in place, a 'data' listener sees each chunk
 * aedes reads without switching the socket to flowing mode.
 */
export function guardMqttFrames(
  socket: Socket,
  { maxPacketBytes, onViolation }: { maxPacketBytes: number; onViolation: (violation: FrameViolation) => void },
): void {
  let first = true;
  let state: "header" | "length" | "body" = "header";
  let length = 0;
  let multiplier = 1;
  let lengthBytes = 0;
  let bodyLeft = 0;

  const refuse = (violation: FrameViolation) => {
    socket.removeListener("data", onData);
    onViolation(violation);
    socket.destroy();
  };

  function onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (state === "body") {
        const taken = Math.min(bodyLeft, chunk.length - at);
        bodyLeft -= taken;
        at += taken;
        if (bodyLeft === 0) state = "header";
        continue;
      }
      const byte = chunk[at]!;
      at += 1;
      if (state === "header") {
        if (first && byte >> 4 !== CONNECT) return refuse("first_packet_not_connect");
        first = false;
        state = "length";
        length = 0;
        multiplier = 1;
        lengthBytes = 0;
        continue;
      }
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      lengthBytes += 1;
      if (length > maxPacketBytes) return refuse("packet_too_large");
      if (byte & 0x80) {
        if (lengthBytes === 4) return refuse("malformed_length");
        continue;
      }
      bodyLeft = length;
      state = length === 0 ? "header" : "body";
    }
  }

  socket.on("data", onData);
}
