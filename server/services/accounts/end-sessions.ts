// Ends a user's sessions and API tokens (all, or all but the one in use) and
// the reset links they have not used: after a password change or reset, or
// when their second factor is turned off. Live sockets of the ended sessions
// are closed by the session sweep (server/realtime/session-sweep.ts).
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { passwordResetTokens, sessions } from "../../../db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function endSessions(
  tx: Tx,
  userId: string,
  { keepTokenHash, keepResetLinks = false }: { keepTokenHash?: string; keepResetLinks?: boolean } = {},
): Promise<void> {
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined));
  if (!keepResetLinks) {
    await tx
      .delete(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  }
}
