// The browser session cookie's attributes: out of reach of page script
// (HttpOnly), not sent on cross-site subrequests or posts (SameSite=Lax), and
// only over HTTPS in production (Secure).
import type { Env } from "../env";

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

export function sessionCookieOptions(env: Pick<Env, "NODE_ENV">, expires: Date): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: env.NODE_ENV === "production", path: "/", expires };
}
