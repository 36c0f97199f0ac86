// Checks a user's second-factor code: throttled per user, read against the
// sealed secret, and accepted once: the step it belongs to is recorded in the
// same statement that checks it is newer than the last one accepted, so the
// same code cannot sign in twice, even in two requests at once. A right code
// gives the user's throttle back.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { claimTotpCheck, refundTotpCheck } from "./account-throttles";
import { openSecret } from "./secret-box";
import { matchTotp } from "./totp";

export const TOTP_PURPOSE = "totp-secret";

export async function acceptTotpCode(
  db: Db,
  {
    userId,
    sealed,
    lastStep,
    code,
    secret,
  }: { userId: string; sealed: string; lastStep: number | null; code: string; secret: string },
): Promise<boolean> {
  await claimTotpCheck(db, userId);
  const plain = openSecret(sealed, secret, TOTP_PURPOSE);
  if (!plain) return false;
  const step = matchTotp(plain, code.replace(/\s/g, ""), { atMs: Date.now(), lastStep });
  if (step === null) return false;
  const recorded = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  if (recorded.length === 0) return false;
  await refundTotpCheck(db, userId);
  return true;
}
