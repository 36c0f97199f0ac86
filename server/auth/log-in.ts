// Checks an email and password and opens a session. Attempts are throttled
// per client address and per (account, address) with a growing delay
// (login-throttle.ts); an unknown email costs the same scrypt work as a known
// one, and a hash made with older parameters is replaced on sign-in. A user
// with a second factor also gives its code: in the same call (the API's
// `totpCode`), or after the password with the challenge this answers instead
// of a session (the browser's second step, completeSignIn).
import { eq, sql as raw } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { AppError } from "../observability/app-error";
import { metrics } from "../observability/metrics";
import { acceptTotpCode } from "./accept-totp-code";
import { claimLoginAttempt, refundLoginAttempt } from "./login-throttle";
import { hashPassword, needsRehash, verifyDecoyPassword, verifyPassword } from "./password";
import { API_TOKEN_TTL_MS, SESSION_TTL_MS, hashToken, newToken } from "./session-token";
import { newSignInChallenge, readSignInChallenge } from "./sign-in-challenge";

type SessionKind = "browser" | "api";
type User = typeof users.$inferSelect;
type SignInOutcome =
  { status: "signed-in"; token: string; expiresAt: Date } | { status: "code-needed"; challenge: string };

async function openSession(db: Db, user: User, kind: SessionKind) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + (kind === "api" ? API_TOKEN_TTL_MS : SESSION_TTL_MS));
  await db
    .insert(sessions)
    .values({ tenantId: user.tenantId, userId: user.id, tokenHash: hashToken(token), kind, expiresAt });
  return { status: "signed-in" as const, token, expiresAt };
}

async function checkCode(db: Db, user: User, code: string, secret: string): Promise<void> {
  const accepted = await acceptTotpCode(db, {
    userId: user.id,
    sealed: user.totpSecret ?? "",
    lastStep: user.totpLastStep,
    code,
    secret,
  }).catch((error: unknown) => {
    if (error instanceof AppError) metrics.loginFailures.inc({ reason: "rate_limited" });
    throw error;
  });
  if (!accepted) {
    metrics.loginFailures.inc({ reason: "bad_code" });
    throw new AppError("unauthenticated", "Wrong or used code: enter the newest code from your authenticator app.", {
      issues: [{ path: "totpCode", message: "wrong or used code" }],
    });
  }
}

export async function logIn(
  db: Db,
  {
    email,
    password,
    totpCode,
    ip,
    kind,
    secret,
  }: { email: string; password: string; totpCode?: string; ip: string; kind: SessionKind; secret: string },
): Promise<SignInOutcome> {
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
  if (user.totpEnabledAt) {
    if (!totpCode) return { status: "code-needed", challenge: newSignInChallenge(user.id, secret) };
    await checkCode(db, user, totpCode, secret);
  }
  return openSession(db, user, kind);
}

/** The browser's second step: the challenge from logIn and the code; opens the session. */
export async function completeSignIn(
  db: Db,
  { challenge, code, secret }: { challenge: string; code: string; secret: string },
): Promise<{ token: string; expiresAt: Date }> {
  const userId = readSignInChallenge(challenge, secret);
  const [user] = userId ? await db.select().from(users).where(eq(users.id, userId)) : [];
  if (!user || user.disabledAt || !user.totpEnabledAt) {
    throw new AppError("unauthenticated", "This sign-in has expired: enter your email and password again.");
  }
  await checkCode(db, user, code, secret);
  return openSession(db, user, "browser");
}
