// The web role: one HTTP server for ops endpoints, Socket.IO and Next.js
// (pages and /api/v1). Socket.IO handles its own upgrades; other upgrades
// (Next's dev reload) go to Next.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import type { ServerOptions } from "socket.io";
import type { Db } from "../../db/client";
import { createOpsHandler } from "../http/ops-endpoints";
import { refuseOversizedBody } from "../http/body-limit";
import { readProxiedRequest, type ProxyTrust } from "../http/proxied-request";
import { applySecurityHeaders } from "../http/security-headers";
import type { MqttUpgrade } from "../infra/mqtt-websocket";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { createSocketServer, type VigilSocketServer } from "../realtime/socket-server";
import type { Broadcaster } from "../realtime/broadcaster";
import type { ReadinessCheck } from "../observability/readiness-check";

export type Web = {
  httpServer: Server;
  io: VigilSocketServer;
  broadcaster: Broadcaster;
  listen: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startWeb({
  dev,
  dir,
  host,
  port,
  db,
  logger,
  metrics,
  readiness,
  socketAdapter,
  tileUrl,
  proxyTrust,
  maxBodyBytes,
  opsOnWebPort,
  hsts,
  cookieName,
  publicUrl,
  ingestHttp,
  mqttUpgrade,
}: {
  dev: boolean;
  dir: string;
  host: string;
  port: number;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  readiness: () => Record<string, ReadinessCheck>;
  socketAdapter?: ServerOptions["adapter"];
  /** MAP_TILE_URL: its origin is allowed to serve images. */
  tileUrl: string;
  /** TRUSTED_PROXIES, compiled. */
  proxyTrust: ProxyTrust;
  /** HTTP_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** OPS_ON_WEB_PORT: /readyz and /metrics here too (else only /healthz). */
  opsOnWebPort: boolean;
  /** Strict-Transport-Security on every response (production). */
  hsts: boolean;
  /** The session cookie's name (server/auth/session-cookie.ts). */
  cookieName: string;
  /** PUBLIC_URL: a cookie session's Origin may also be this. */
  publicUrl: string | undefined;
  /**
   * The HTTP ingest adapters (OwnTracks's HTTP mode), answered before Next.js: devices post every fix, and the
   * App Router's per-request work would cost most of their throughput. True when it answered the request.
   */
  ingestHttp: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** MQTT over WebSocket at /mqtt, when the broker is the embedded one. */
  mqttUpgrade: MqttUpgrade | undefined;
}): Promise<Web> {
  const app = next({ dev, dir, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleOps = createOpsHandler(readiness, { healthOnly: !opsOnWebPort });

  const httpServer = createServer((req, res) => {
    // The client address and origin after the trusted proxies; headers of these names from the client are replaced.
    const { clientAddress, origin } = readProxiedRequest(req, proxyTrust);
    req.headers["x-vigil-client-ip"] = clientAddress;
    req.headers["x-vigil-origin"] = origin;
    applySecurityHeaders(req, res, { tileUrl, dev, hsts });
    if (refuseOversizedBody(req, res, maxBodyBytes)) return;
    handleOps(req, res)
      .then((handled) => handled || ingestHttp(req, res))
      .then((handled) => (handled ? undefined : handle(req, res)))
      .catch((error: unknown) => {
        // The path only: a signed alert link carries its token in the query.
        logger.error({ err: error, path: req.url?.split("?")[0] }, "request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  // Node closes an idle keep-alive connection after 5 s; a client (a reverse
  // proxy's pool, an API client) that reuses it at that moment gets ECONNRESET.
  // Idle connections stay open longer than the usual proxy pools keep them (60 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const { io, broadcaster, stopSweep } = createSocketServer({
    httpServer,
    db,
    logger,
    metrics,
    adapter: socketAdapter,
    cookieName,
    proxyTrust,
    publicUrl,
  });
  const nextUpgrade = dev ? app.getUpgradeHandler() : undefined;
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.startsWith("/socket.io/")) return;
    if (mqttUpgrade?.(req, socket, head)) return;
    if (nextUpgrade) void nextUpgrade(req, socket, head);
  });

  return {
    httpServer,
    io,
    broadcaster,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve());
      }),
    async stop() {
      stopSweep();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await app.close();
    },
  };
}
