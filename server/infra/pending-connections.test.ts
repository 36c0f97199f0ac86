import { EventEmitter } from "node:events";
import { describe, expect, test } from "vitest";
import { addressKey, limitPendingConnections } from "./pending-connections";

const socketFrom = (remoteAddress: string) => Object.assign(new EventEmitter(), { remoteAddress });

describe("limitPendingConnections", () => {
  test("an address gets at most the cap of connections without CONNECT; others are not affected", () => {
    const pending = limitPendingConnections({ maxPerAddress: 2 });
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(true);
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(true);
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(false);
    expect(pending.admit(socketFrom("10.0.0.2"))).toBe(true);
  });

  test("a connection stops counting when its CONNECT arrives or it closes, once", () => {
    const pending = limitPendingConnections({ maxPerAddress: 2 });
    const [a, b] = [socketFrom("10.0.0.1"), socketFrom("10.0.0.1")];
    pending.admit(a);
    pending.admit(b);
    pending.connected(a);
    a.emit("close");
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(true);
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(false);
    b.emit("close");
    expect(pending.admit(socketFrom("10.0.0.1"))).toBe(true);
  });

  test("an IPv6 host cannot get more by using the other addresses of its /64", () => {
    const pending = limitPendingConnections({ maxPerAddress: 1 });
    expect(pending.admit(socketFrom("2001:db8:1:2::1"))).toBe(true);
    expect(pending.admit(socketFrom("2001:db8:1:2:ffff:1:2:3"))).toBe(false);
    expect(pending.admit(socketFrom("2001:db8:1:3::1"))).toBe(true);
  });
});

describe("addressKey", () => {
  test.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("%s counts as %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
