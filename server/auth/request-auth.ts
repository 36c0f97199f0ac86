// Finds the caller of an API request: a bearer token (integrations) or the
// session cookie (browser). Cookie-authenticated mutations must come from our
// own origin (CSRF): the origin the request was addressed to (after trusted
// proxies, server/http/proxied-request.ts) or PUBLIC_URL.
import { parse as parseCookies } from "cookie";
import type { Db } from "../../db/client";
import { AppError } from "../observability/app-error";
import type { Actor } from "../auth/actor";
import { findActorByToken } from "../auth/find-actor-by-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestAuthOptions = {
  /** The session cookie's name (session-cookie.ts). */
  cookieName: string;
  /** PUBLIC_URL: its origin is our own whatever the Host header says. */
  publicUrl?: string;
};

export function readToken(request: Request, cookieName: string): { token: string; via: "bearer" | "cookie" } | null {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return { token: header.slice(7).trim(), via: "bearer" };
  // The cookie package leaves a value it cannot decode as it is (no URIError): a malformed cookie is just no session.
  const token = parseCookies(request.headers.get("cookie") ?? "")[cookieName];
  return token ? { token, via: "cookie" } : null;
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

function assertSameOrigin(request: Request, publicUrl?: string): void {
  // `Origin: null` (sandboxed frames, some redirects) and garbage are as foreign as another site.
  const origin = originOf(request.headers.get("origin"));
  // Set by server/roles/start-web.ts for every request; whatever the client sent under that name is replaced.
  const ours = [originOf(request.headers.get("x-vigil-origin")), originOf(publicUrl)];
  if (!origin || !ours.includes(origin)) {
    throw new AppError("forbidden", "Cross-site request refused (missing or foreign Origin header).");
  }
}

export async function authenticateRequest(
  db: Db,
  request: Request,
  { cookieName, publicUrl }: RequestAuthOptions,
): Promise<{ actor: Actor; token: string; via: "bearer" | "cookie" }> {
  const credentials = readToken(request, cookieName);
  if (!credentials) throw new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer).");
  const actor = await findActorByToken(db, credentials.token);
  if (!actor) throw new AppError("unauthenticated", "Your session has expired or the token is not valid.");
  if (credentials.via === "cookie" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request, publicUrl);
  return { actor, token: credentials.token, via: credentials.via };
}
