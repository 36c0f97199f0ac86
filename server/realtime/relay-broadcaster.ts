// The broadcaster of a process without the web role (ingest or worker only):
// it has no browsers of its own, so every event goes through PostgreSQL to the
// web processes' adapters, which deliver it to their sockets in the room.
//
// A Socket.IO server attached to nothing, with the same postgres adapter as the
// web processes. Not @socket.io/postgres-emitter: its 0.1 packets carry no
// namespace, which the 0.5 adapter routes on, so they never reach a browser
// (the scale-out test showed it); it also answers a failed NOTIFY by
// broadcasting an "error" event, which fails again while the database is down.
// The price: this process LISTENs too, and reads the large packets (over
// NOTIFY's limit) that other processes publish, for no socket of its own.
import type pg from "pg";
import { Server } from "socket.io";
import type { ServerToClientEvents } from "../contracts/socket-events";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { tenantRoom, type Broadcaster } from "./broadcaster";
import { createPostgresAdapter } from "./postgres-pubsub";
import { createSiteFanout } from "./site-fanout";
import type { Db } from "../../db/client";

type ToUser = {
  toUser: <E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) => void;
};

export type RelayBroadcaster = Broadcaster & ToUser & { close: () => Promise<void> };

export function createRelayBroadcaster({
  pool,
  db,
  logger,
  metrics,
}: {
  pool: pg.Pool;
  /** For the site rooms' share of each event (site-fanout.ts). */
  db: Db;
  logger: Logger;
  metrics: Metrics;
}): RelayBroadcaster {
  const io = new Server<Record<string, never>, ServerToClientEvents>({
    serveClient: false,
    adapter: createPostgresAdapter(pool, logger),
  });
  const toSites = createSiteFanout({ db, logger });
  return {
    toTenant(tenantId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      io.to(tenantRoom(tenantId)).emit(event, ...args);
      toSites(tenantId, event, args[0], (rooms, payload) =>
        io.to(rooms).emit(event, ...([payload] as Parameters<ServerToClientEvents[typeof event]>)),
      );
    },
    toUser(userId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      io.to(`user:${userId}`).emit(event, ...args);
    },
    // Not io.close(): that also closes an engine this server never started.
    close: async () => void (await io.of("/").adapter.close()),
  };
}
