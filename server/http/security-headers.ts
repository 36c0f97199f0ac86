// Security headers on every response of the web role: a Content-Security-Policy
// with a fresh script nonce per request, no MIME sniffing, no framing, and
// only the origin as referrer to other sites (signed alert links carry a token
// in their URL; map tile servers want a referrer).
//
// Set in the custom server rather than in a Next proxy: every request passes
// here anyway, and Next reads the nonce from the request's
// Content-Security-Policy header and puts it on its own scripts
// (next/dist/server/app-render/get-script-nonce-from-header.js). With
// 'strict-dynamic' the scripts those load are trusted too; inline event
// handlers and injected <script> elements are not.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The origin a Leaflet tile URL template loads from, as a CSP source:
 * "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> "https://*.tile.example.org".
 * null for "none" or a same-origin path; "https:" when the template cannot be read.
 */
export function tileSource(tileUrl: string): string | null {
  if (tileUrl === "none" || tileUrl.startsWith("/")) return null;
  try {
    const url = new URL(tileUrl.replaceAll("{s}", "vigil-subdomain"));
    return `${url.protocol}//${url.host.replaceAll("vigil-subdomain", "*")}`;
  } catch {
    return "https:";
  }
}

export function contentSecurityPolicy({
  nonce,
  tileUrl,
  dev,
}: {
  nonce: string;
  tileUrl: string;
  dev: boolean;
}): string {
  const tiles = tileSource(tileUrl);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build and Next's fast refresh evaluate strings.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React style props, Leaflet and recharts set style attributes.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
    "font-src": ["'self'", "data:"],
    // Socket.IO and the API on the same origin ('self' covers ws: and wss: there).
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * The API answers JSON (or a file download), never a page: nothing in it may run, load or be framed. A fixed
 * policy, as no nonce is needed (making one for every device's fix cost 5% of the HTTP ingest's time).
 */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sets the response headers, and the request's CSP header Next takes its nonce from. */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  { tileUrl, dev, hsts = false }: { tileUrl: string; dev: boolean; hsts?: boolean },
): void {
  const policy = req.url?.startsWith("/api/")
    ? API_POLICY
    : contentSecurityPolicy({ nonce: randomBytes(16).toString("base64"), tileUrl, dev });
  // Whatever a client sent under these names is replaced.
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", policy);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  // Browsers heed it only over HTTPS, which production is (behind its proxy): one year (not includeSubDomains: other hosts of the domain are not ours to decide).
  if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000");
}
