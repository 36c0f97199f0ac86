// A Socket.IO client as the NOC browser uses it, authenticated with a token.
import { io, type Socket } from "socket.io-client";
import type { ServerToClientEvents } from "../../server/contracts/socket-events";

export type LiveSocket = Socket<ServerToClientEvents, Record<string, never>>;

export async function connectSocket(url: string, token: string): Promise<LiveSocket> {
  const socket: LiveSocket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return socket;
}

/** Every payload of one event, in arrival order. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload)) as never;
  socket.on(event, listener);
  return received;
}
