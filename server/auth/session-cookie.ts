// The browser session cookie: its name and attributes. Out of reach of page
// script (HttpOnly), not sent on cross-site subrequests or posts
// (SameSite=Lax), and in production only over HTTPS (Secure) under the
// `__Host-` prefix, which browsers accept only from a secure origin, for path
// "/" and without a Domain: no other host of the domain (a compromised
// subdomain, plain HTTP) can set or overwrite it to plant a session.
import type { Env } from "../env";
import { SESSION_COOKIE } from "../auth/session-token";

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

export function sessionCookieName(env: Pick<Env, "NODE_ENV">): string {
  return env.NODE_ENV === "production" ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function sessionCookieOptions(env: Pick<Env, "NODE_ENV">, expires: Date): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: env.NODE_ENV === "production", path: "/", expires };
}
