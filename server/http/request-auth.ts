// Finds the caller of an API request: a bearer token (integrations) or the
// session cookie (browser). Cookie-authenticated mutations must come from our
// own origin (CSRF).
import type { Db } from "../../db/client";
import { AppError } from "../observability/app-error";
import type { Actor } from "../services/actor";
import { findActorByToken } from "../services/auth/find-actor-by-token";
import { SESSION_COOKIE } from "../services/auth/session-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function readToken(request: Request): { token: string; via: "bearer" | "cookie" } | null {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return { token: header.slice(7).trim(), via: "bearer" };
  const cookie = request.headers.get("cookie");
  const match = cookie?.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? { token: decodeURIComponent(match.slice(SESSION_COOKIE.length + 1)), via: "cookie" } : null;
}

export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError("forbidden", "Cross-site request refused (missing or foreign Origin header).");
  }
}

export async function authenticateRequest(
  db: Db,
  request: Request,
): Promise<{ actor: Actor; token: string; via: "bearer" | "cookie" }> {
  const credentials = readToken(request);
  if (!credentials) throw new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer).");
  const actor = await findActorByToken(db, credentials.token);
  if (!actor) throw new AppError("unauthenticated", "Your session has expired or the token is not valid.");
  if (credentials.via === "cookie" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return { actor, token: credentials.token, via: credentials.via };
}
