// Socket.IO: checks the session in the handshake, then puts the browser in
// its tenant's room (a user limited to sites: a room per site instead, see
// site-fanout.ts) and its user's room. Clients cannot choose rooms; the
// server only emits to those rooms, so a browser receives its own tenant's
// (or sites') and its own user's events and no others.
import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions, type Socket } from "socket.io";
import type { Db } from "../../db/client";
import type { ServerToClientEvents } from "../contracts/socket-events";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import type { Actor } from "../auth/actor";
import { findActorByToken } from "../auth/find-actor-by-token";
import { hashToken } from "../auth/session-token";
import { readProxiedRequest, type ProxyTrust } from "../http/proxied-request";
import { readToken } from "../auth/request-auth";
import { tenantRoom, userRoom, type Broadcaster } from "./broadcaster";
import { startSessionSweep } from "./session-sweep";
import { createSiteFanout, siteRoom } from "./site-fanout";

/** The token is kept as its hash only, for the session sweep. */
type SocketData = { actor: Actor; tokenHash: string };
export type VigilSocketServer = Server<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>;

function handshakeToken(socket: Socket, cookieName: string): { token: string; via: "bearer" | "cookie" } | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === "string") return { token: auth.token, via: "bearer" };
  const cookie = socket.handshake.headers.cookie ?? "";
  return readToken(new Request("http://local/", { headers: { cookie } }), cookieName);
}

/** The same rule as the API's (request-auth.ts): our origin after trusted proxies, or PUBLIC_URL's. */
function sameOrigin(socket: Socket, trust: ProxyTrust, publicUrl: string | undefined): boolean {
  const { origin } = socket.handshake.headers;
  if (!origin) return true; // non-browser clients send no Origin
  try {
    const asked = new URL(origin).origin;
    const ours = readProxiedRequest(socket.request, trust).origin;
    return asked === new URL(ours).origin || (publicUrl !== undefined && asked === new URL(publicUrl).origin);
  } catch {
    return false;
  }
}

export function createSocketServer({
  httpServer,
  db,
  logger,
  metrics,
  adapter,
  cookieName,
  proxyTrust,
  publicUrl,
}: {
  httpServer: HttpServer;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  /** Shares rooms with the other Vigil processes (postgres-pubsub.ts); in-memory without. */
  adapter?: ServerOptions["adapter"];
  /** The session cookie's name (server/auth/session-cookie.ts). */
  cookieName: string;
  /** TRUSTED_PROXIES and PUBLIC_URL, for the same-origin check of cookie sessions. */
  proxyTrust: ProxyTrust;
  publicUrl: string | undefined;
}): { io: VigilSocketServer; broadcaster: Broadcaster; stopSweep: () => void } {
  const io: VigilSocketServer = new Server({
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 10_000,
    ...(adapter && { adapter }),
  });
  io.attach(httpServer, { destroyUpgrade: false });

  io.use((socket, next) => {
    const credentials = handshakeToken(socket, cookieName);
    if (!credentials) return next(new Error("unauthenticated"));
    if (credentials.via === "cookie" && !sameOrigin(socket, proxyTrust, publicUrl))
      return next(new Error("cross-site connection refused"));
    findActorByToken(db, credentials.token).then(
      (actor) => {
        if (!actor) return next(new Error("unauthenticated"));
        // Nothing live before the second factor the tenant requires is set up.
        if (actor.mustEnrolTotp) return next(new Error("second factor required"));
        socket.data.actor = actor;
        socket.data.tokenHash = hashToken(credentials.token);
        next();
      },
      (error: unknown) => {
        logger.error({ err: error }, "socket authentication failed");
        next(new Error("unavailable"));
      },
    );
  });

  io.on("connection", (socket) => {
    const { tenantId, userId, siteIds } = socket.data.actor;
    const scope = siteIds ? siteIds.map((siteId) => siteRoom(tenantId, siteId)) : [tenantRoom(tenantId)];
    void socket.join([...scope, userRoom(userId)]);
    metrics.socketConnections.inc();
    socket.on("disconnect", () => metrics.socketConnections.dec());
  });

  const stopSweep = startSessionSweep({ db, logger, sockets: () => io.of("/").sockets.values() });

  const toSites = createSiteFanout({ db, logger });
  const broadcaster: Broadcaster = {
    toTenant(tenantId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      io.to(tenantRoom(tenantId)).emit(event, ...args);
      toSites(tenantId, event, args[0], (rooms, payload) =>
        io.to(rooms).emit(event, ...([payload] as Parameters<ServerToClientEvents[typeof event]>)),
      );
    },
    toUser(userId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      io.to(userRoom(userId)).emit(event, ...args);
    },
  };
  return { io, broadcaster, stopSweep };
}
