// What the rest of the server needs from realtime: send an event to every
// browser of one tenant, or to every browser of one user. Socket.IO
// implements it in socket-server.ts.
import type { ServerToClientEvents } from "../contracts/socket-events";

export type Broadcaster = {
  toTenant: <E extends keyof ServerToClientEvents>(
    tenantId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) => void;
  toUser: <E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) => void;
};

export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
