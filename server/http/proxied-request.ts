// What a request says about its client once the reverse proxies in front of
// Vigil are taken into account: the client address (X-Forwarded-For walked
// from the right, believed only as far as the hops are TRUSTED_PROXIES) and
// the origin the browser addressed (X-Forwarded-Host/-Proto, believed only
// from a trusted proxy). Whatever else sent those headers is ignored.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import proxyAddr from "proxy-addr";

export type ProxyTrust = (address: string, hop: number) => boolean;

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

export function compileProxyTrust(trustedProxies: readonly string[]): ProxyTrust {
  return proxyAddr.compile([...trustedProxies]);
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The client address and the origin the request was addressed to. From an
 * untrusted peer the forwarding headers are also removed from `req`, so that
 * Next (redirects, its server-action origin check) cannot believe them either.
 */
export function readProxiedRequest(req: IncomingMessage, trust: ProxyTrust): { clientAddress: string; origin: string } {
  const peer = req.socket.remoteAddress ?? "unknown";
  const peerTrusted = peer !== "unknown" && trust(peer, 0);
  const ownProto = (req.socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  if (!peerTrusted) {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
    return { clientAddress: peer, origin: `${ownProto}://${req.headers.host ?? ""}` };
  }
  const proto = firstValue(req.headers["x-forwarded-proto"])?.toLowerCase();
  const host = firstValue(req.headers["x-forwarded-host"]) ?? req.headers.host ?? "";
  return {
    clientAddress: proxyAddr(req, trust),
    origin: `${proto === "https" || proto === "http" ? proto : ownProto}://${host}`,
  };
}
