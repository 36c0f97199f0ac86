import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import { describe, expect, test } from "vitest";
import { connectPacket, publishPacket } from "../../test/harness/mqtt-bytes";
import { guardMqttFrames, type FrameViolation } from "./mqtt-frame-guard";

/** Feeds the chunks to a guarded fake socket; returns the violation, if the guard closed it. */
function feed(chunks: Buffer[], maxPacketBytes = 1024): FrameViolation | "open" {
  const socket = Object.assign(new EventEmitter(), { destroyed: false, destroy: () => (socket.destroyed = true) });
  let violation: FrameViolation | "open" = "open";
  guardMqttFrames(socket as unknown as Socket, { maxPacketBytes, onViolation: (v) => (violation = v) });
  for (const chunk of chunks) if (!socket.destroyed) socket.emit("data", chunk);
  return violation;
}

const login = connectPacket({ clientId: "phone-1", username: "phone-1", password: "secret" });
const bytesOf = (...packets: Buffer[]) => [...Buffer.concat(packets)].map((b) => Buffer.from([b]));

describe("guardMqttFrames", () => {
  test("a login and publishes pass, in one chunk or byte by byte", () => {
    const publish = publishPacket("guard/G-1/gps", "x".repeat(300), { qos: 1 });
    expect(feed([Buffer.concat([login, publish, publish])])).toBe("open");
    expect(feed(bytesOf(login, publish, publish))).toBe("open");
  });

  test("a first packet other than CONNECT closes the connection", () => {
    expect(feed([publishPacket("guard/G-1/gps", "{}")])).toBe("first_packet_not_connect");
  });

  test("a packet announcing more than the limit closes the connection before its body", () => {
    expect(feed([login, Buffer.from([0x30, 0x81, 0x08])], 1024)).toBe("packet_too_large");
    // Split inside the remaining length, too.
    expect(feed([login, Buffer.from([0x30, 0xff]), Buffer.from([0xff, 0x7f])], 1024)).toBe("packet_too_large");
  });

  test("a remaining length of five bytes closes the connection", () => {
    expect(feed([login, Buffer.from([0xc0, 0x80, 0x80, 0x80, 0x80, 0x01])], 2 ** 30)).toBe("malformed_length");
  });
});
