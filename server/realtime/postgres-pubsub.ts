// Socket.IO across processes through the PostgreSQL Vigil already uses
// (LISTEN/NOTIFY), no broker of its own: every process attaches
// @socket.io/postgres-adapter, those without the web role to a Socket.IO
// server with no HTTP server (relay-broadcaster.ts). A packet over NOTIFY's 8000-byte payload limit
// (a batch of positions easily is) is stored in socket_io_attachments
// (migration 0010) and only its row id is notified; each web process deletes
// rows older than the cleanup interval.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Namespace } from "socket.io";
import { MessageType, type Adapter, type BroadcastOptions, type ClusterAdapterWithHeartbeat } from "socket.io-adapter";
import type { Logger } from "../observability/logger";

export const attachmentsTable = "socket_io_attachments";
/** NOTIFY payloads are limited to 8000 bytes; larger packets go through the table. */
const payloadThreshold = 7800;

/** The pg pool the adapter needs: one LISTEN connection plus a few for NOTIFY and attachments. */
export function createPubSubPool(databaseUrl: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: "vigil-realtime" });
  // A dropped connection must not crash the process (an 'error' event without a
  // listener throws): pg listens on idle clients only, and the adapter keeps one
  // checked out for LISTEN, without a listener of its own. It reconnects on 'end'.
  const lost = (error: Error) => logger.warn({ err: error }, "realtime database connection lost");
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  return pool;
}

export function createPostgresAdapter(pool: pg.Pool, logger: Logger) {
  const createForNamespace = createAdapter(pool, {
    tableName: attachmentsTable,
    payloadThreshold,
    cleanupInterval: 30_000,
    errorHandler: (error) => logger.warn({ err: error }, "realtime adapter error"),
  });
  // Socket.IO calls it with `new`: a function, not an arrow.
  return function (nsp: Namespace) {
    return deliverLocallyFirst(createForNamespace(nsp) as unknown as ClusterAdapterInternals);
  };
}

/** What deliverLocallyFirst uses of socket.io-adapter 2.5's ClusterAdapterWithHeartbeat. */
type ClusterAdapterInternals = Adapter & {
  /** The other processes heard from within the heartbeat timeout (private in the typings). */
  nodesMap: Map<string, number>;
  publish: ClusterAdapterWithHeartbeat["publish"];
};

/**
 * The cluster adapter sends a broadcast to this process's own sockets only
 * after PostgreSQL has taken the NOTIFY (and, for a large packet, the
 * attachment row): a panic banner would wait behind every batch of positions
 * queued on the adapter's pool. Here this process's sockets get it at once,
 * and the other processes through PostgreSQL, only when there are any (a
 * process alone, the all-in-one default, writes nothing). A process joining
 * announces itself with a heartbeat when its adapter starts, before it serves a
 * browser.
 */
function deliverLocallyFirst(adapter: ClusterAdapterInternals): Adapter {
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet: unknown, opts: BroadcastOptions) => {
    if (!opts.flags?.local && adapter.nodesMap.size > 0) {
      adapter.publish({
        type: MessageType.BROADCAST,
        data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags ?? {} } },
      });
    }
    return broadcast(packet, { ...opts, flags: { ...opts.flags, local: true } });
  };
  return adapter;
}
