// Socket.IO: checks the session in the handshake, then puts the browser in
// its tenant's room. Clients cannot choose rooms; the server only emits to
// tenant rooms, so a browser receives its own tenant's events and no others.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { Db } from "../../db/client";
import type { ServerToClientEvents } from "../contracts/socket-events";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import type { Actor } from "../services/actor";
import { findActorByToken } from "../services/auth/find-actor-by-token";
import { hashToken } from "../services/auth/session-token";
import { readToken } from "../http/request-auth";
import { tenantRoom, type Broadcaster } from "./broadcaster";
import { startSessionSweep } from "./session-sweep";

/** The token is kept as its hash only, for the session sweep. */
type SocketData = { actor: Actor; tokenHash: string };
export type VigilSocketServer = Server<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>;

function handshakeToken(socket: Socket): { token: string; via: "bearer" | "cookie" } | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === "string") return { token: auth.token, via: "bearer" };
  return readToken(new Request("http://local/", { headers: { cookie: socket.handshake.headers.cookie ?? "" } }));
}

function sameOrigin(socket: Socket): boolean {
  const { origin, host } = socket.handshake.headers;
  if (!origin) return true; // non-browser clients send no Origin
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createSocketServer({
  httpServer,
  db,
  logger,
  metrics,
}: {
  httpServer: HttpServer;
  db: Db;
  logger: Logger;
  metrics: Metrics;
}): { io: VigilSocketServer; broadcaster: Broadcaster; stopSweep: () => void } {
  const io: VigilSocketServer = new Server({ serveClient: false, maxHttpBufferSize: 16 * 1024, pingInterval: 10_000 });
  io.attach(httpServer, { destroyUpgrade: false });

  io.use((socket, next) => {
    const credentials = handshakeToken(socket);
    if (!credentials) return next(new Error("unauthenticated"));
    if (credentials.via === "cookie" && !sameOrigin(socket)) return next(new Error("cross-site connection refused"));
    findActorByToken(db, credentials.token).then(
      (actor) => {
        if (!actor) return next(new Error("unauthenticated"));
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
    void socket.join(tenantRoom(socket.data.actor.tenantId));
    metrics.socketConnections.inc();
    socket.on("disconnect", () => metrics.socketConnections.dec());
  });

  const stopSweep = startSessionSweep({ db, logger, sockets: () => io.of("/").sockets.values() });

  const broadcaster: Broadcaster = {
    toTenant(tenantId, event, ...args) {
      metrics.socketBroadcasts.inc({ event });
      io.to(tenantRoom(tenantId)).emit(event, ...args);
    },
  };
  return { io, broadcaster, stopSweep };
}
