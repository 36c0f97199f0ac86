// Caps the embedded broker's connections that have not sent their CONNECT yet,
// per remote address. The connect timeout closes each such socket after a few
// seconds, but one host opening thousands a second could still hold enough of
// them to use up the process's file descriptors; this bounds what one address
// can hold, whatever its rate. A device sends CONNECT right after the TCP
// handshake, so even a fleet behind one NAT reconnecting at once has few
// pending at any moment. IPv6 addresses count per /64, which one host
// usually has whole.
import { isIPv6 } from "node:net";

type PendingSocket = {
  remoteAddress?: string | undefined;
  once: (event: "close", listener: () => void) => unknown;
};

export type PendingConnections = {
  /** False when the address already has as many pending connections as allowed: close the socket. */
  admit: (socket: PendingSocket) => boolean;
  /** The socket's CONNECT has arrived: it no longer counts. */
  connected: (socket: object) => void;
};

export function limitPendingConnections({ maxPerAddress }: { maxPerAddress: number }): PendingConnections {
  const counts = new Map<string, number>();
  const keys = new WeakMap<object, string>();

  const release = (socket: object) => {
    const key = keys.get(socket);
    if (key === undefined) return;
    keys.delete(socket);
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };

  return {
    admit(socket) {
      const key = addressKey(socket.remoteAddress ?? "");
      const count = counts.get(key) ?? 0;
      if (count >= maxPerAddress) return false;
      counts.set(key, count + 1);
      keys.set(socket, key);
      socket.once("close", () => release(socket));
      return true;
    },
    connected: release,
  };
}

/** The unit connections are counted by: an IPv4 address (also when IPv4-mapped), or an IPv6 /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
