// Checks an email and password and opens a session, with a rate limit on
// failures per email and per client address (kept in the database, so it
// holds across processes).
import { and, count, eq, gt, lt, or, sql as raw } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { loginFailures, sessions, users } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import { metrics } from "../../observability/metrics";
import { verifyPassword } from "./password";
import { API_TOKEN_TTL_MS, SESSION_TTL_MS, hashToken, newToken } from "./session-token";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export async function logIn(
  db: Db,
  { email, password, ip, kind }: { email: string; password: string; ip: string; kind: "browser" | "api" },
): Promise<{ token: string; expiresAt: Date }> {
  const normalized = email.trim().toLowerCase();
  const since = new Date(Date.now() - WINDOW_MS);
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, normalized), gt(loginFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    metrics.loginFailures.inc({ reason: "rate_limited" });
    throw new AppError("rate_limited", "Too many failed sign-in attempts. Try again in 15 minutes.", {
      retryAfterSeconds: WINDOW_MS / 1000,
    });
  }

  const [user] = await db
    .select()
    .from(users)
    .where(raw`lower(${users.email}) = ${normalized}`);
  const valid = user && !user.disabledAt && (await verifyPassword(password, user.passwordHash));
  if (!valid) {
    await db.insert(loginFailures).values({ email: normalized, ip });
    metrics.loginFailures.inc({ reason: "bad_credentials" });
    throw new AppError("unauthenticated", "Wrong email or password.");
  }

  await db.delete(loginFailures).where(or(eq(loginFailures.email, normalized), lt(loginFailures.at, since)));
  const token = newToken();
  const expiresAt = new Date(Date.now() + (kind === "api" ? API_TOKEN_TTL_MS : SESSION_TTL_MS));
  await db
    .insert(sessions)
    .values({ tenantId: user.tenantId, userId: user.id, tokenHash: hashToken(token), kind, expiresAt });
  return { token, expiresAt };
}
