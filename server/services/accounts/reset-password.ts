// Sets a new password with a reset link's token: the token must be known,
// unused, unexpired and its user enabled; it is marked used in the same
// statement that checks it is unused (two submissions at once: one wins), and
// every session of the user ends. A bad token costs no password hash. The
// audit entry names the user as its actor: no one else is signed in.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { passwordResetTokens, users } from "../../../db/schema";
import { hashPassword } from "../../auth/password";
import { hashToken } from "../../auth/session-token";
import type { RequestOrigin } from "../../contracts/audit";
import { AppError } from "../../observability/app-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessions } from "./end-sessions";

const unusable = () =>
  new AppError("invalid_input", "This link does not work any more: it was used, has expired or was replaced.", {
    issues: [{ path: "token", message: "used, expired or unknown link" }],
  });

export async function resetPassword(
  db: Db,
  { token, password }: { token: string; password: string },
  origin?: RequestOrigin,
): Promise<void> {
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
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ tenantId: users.tenantId, email: users.email, role: users.role });
    await endSessions(tx, used.userId);
    // No one is signed in: the entry's actor is the user the link was for (channel "link").
    await recordAuditEvent(
      tx,
      { tenantId: user!.tenantId, userId: used.userId, email: user!.email, role: user!.role, origin },
      { action: "reset_password", entityType: "user", entityId: used.userId, after: { changed: ["password"] } },
    );
  });
}
