// Sets a new password with a reset link's token: the token must be known,
// unused, unexpired and its user enabled; it is marked used in the same
// statement that checks it is unused (two submissions at once: one wins), and
// every session of the user ends. A bad token costs no password hash.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { passwordResetTokens, users } from "../../../db/schema";
import { hashPassword } from "../../auth/password";
import { hashToken } from "../../auth/session-token";
import { AppError } from "../../observability/app-error";
import { endSessions } from "./end-sessions";

const unusable = () =>
  new AppError("invalid_input", "This link does not work any more: it was used, has expired or was replaced.", {
    issues: [{ path: "token", message: "used, expired or unknown link" }],
  });

export async function resetPassword(db: Db, { token, password }: { token: string; password: string }): Promise<void> {
  const t = passwordResetTokens;
  const usable = and(eq(t.tokenHash, hashToken(token)), isNull(t.usedAt), gt(t.expiresAt, new Date()));
  const [found] = await db
    .select({ id: t.id })
    .from(t)
    .innerJoin(users, and(eq(users.id, t.userId), isNull(users.disabledAt)))
    .where(usable);
  if (!found) throw unusable();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(t)
      .set({ usedAt: new Date() })
      .where(and(eq(t.id, found.id), usable))
      .returning({ userId: t.userId });
    if (!used) throw unusable();
    await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId));
    await endSessions(tx, used.userId);
  });
}
