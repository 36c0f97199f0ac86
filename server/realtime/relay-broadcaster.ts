// The broadcaster of a process without the web role (ingest or worker only):
// it has no browsers of its own, so every event goes through PostgreSQL to the
// web processes' adapters (postgres-pubsub.ts), which deliver it to their
// sockets in the room. @socket.io/postgres-emitter only publishes: unlike an
// adapter it does not LISTEN, so it never fetches other processes' packets.
import { Emitter } from "@socket.io/postgres-emitter";
import type pg from "pg";
import type { ServerToClientEvents } from "../contracts/socket-events";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { tenantRoom, type Broadcaster } from "./broadcaster";
import { emitterOptions } from "./postgres-pubsub";

type ToUser = {
  toUser: <E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) => void;
};

export type RelayBroadcaster = Broadcaster & ToUser;

export function createRelayBroadcaster({
  pool,
  logger,
  metrics,
}: {
  pool: pg.Pool;
  logger: Logger;
  metrics: Metrics;
}): RelayBroadcaster {
  // The emitter answers a failed query by broadcasting an "error" event, whose
  // query fails the same way while the database is down: a tight loop. Its
  // queries go through this wrapper instead, which logs the failure and drops
  // the event (realtime events are not stored; pages reload on reconnect).
  const quietPool = {
    query: (text: string, values?: unknown[]) =>
      pool.query(text, values).catch((error: unknown) => {
        logger.warn({ err: error }, "realtime publish failed");
        return { rows: [{ id: 0 }] }; // an attachment id nobody has: the event is dropped
      }),
  };
  const emitter = new Emitter<ServerToClientEvents>(quietPool, "/", emitterOptions);
  return {
    toTenant(tenantId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      emitter.to(tenantRoom(tenantId)).emit(event, ...args);
    },
    toUser(userId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      emitter.to(`user:${userId}`).emit(event, ...args);
    },
  };
}
