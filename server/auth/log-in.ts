// Checks an email and password and opens a session. Attempts are throttled
// per client address and per (account, address) with a growing delay
// (login-throttle.ts); an unknown email costs the same scrypt work as a known
// one, and a hash made with older parameters is replaced on sign-in.
import { eq, sql as raw } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { AppError } from "../observability/app-error";
import { metrics } from "../observability/metrics";
import { claimLoginAttempt, refundLoginAttempt } from "./login-throttle";
import { hashPassword, needsRehash, verifyDecoyPassword, verifyPassword } from "./password";
import { API_TOKEN_TTL_MS, SESSION_TTL_MS, hashToken, newToken } from "./session-token";

export async function logIn(
  db: Db,
  { email, password, ip, kind }: { email: string; password: string; ip: string; kind: "browser" | "api" },
): Promise<{ token: string; expiresAt: Date }> {
  const normalized = email.trim().toLowerCase();
  try {
    await claimLoginAttempt(db, normalized, ip);
  } catch (error) {
    if (error instanceof AppError) metrics.loginFailures.inc({ reason: "rate_limited" });
    throw error;
  }

  const [user] = await db
    .select()
    .from(users)
    .where(raw`lower(${users.email}) = ${normalized} and ${users.deletedAt} is null`);
  const valid = user
    ? (await verifyPassword(password, user.passwordHash)) && !user.disabledAt
    : await verifyDecoyPassword(password);
  if (!user || !valid) {
    metrics.loginFailures.inc({ reason: "bad_credentials" });
    throw new AppError("unauthenticated", "Wrong email or password.");
  }

  await refundLoginAttempt(db, normalized, ip);
  if (needsRehash(user.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, user.id));
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + (kind === "api" ? API_TOKEN_TTL_MS : SESSION_TTL_MS));
  await db
    .insert(sessions)
    .values({ tenantId: user.tenantId, userId: user.id, tokenHash: hashToken(token), kind, expiresAt });
  return { token, expiresAt };
}
