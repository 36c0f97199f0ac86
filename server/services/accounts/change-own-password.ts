// A signed-in user changes their own password: the current one is checked
// (throttled per user, so a borrowed browser cannot guess it), and every other
// session and API token of theirs ends; the one in use goes on.
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { ChangePasswordInput } from "../../contracts/account";
import type { Actor } from "../../auth/actor";
import { claimPasswordCheck, refundPasswordCheck } from "../../auth/account-throttles";
import { hashPassword, verifyPassword } from "../../auth/password";
import { hashToken } from "../../auth/session-token";
import { AppError } from "../../observability/app-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endSessions } from "./end-sessions";

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  token: string,
  { currentPassword, newPassword }: ChangePasswordInput,
): Promise<void> {
  await claimPasswordCheck(db, actor.userId);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "That is not your current password.", {
      issues: [{ path: "currentPassword", message: "not your current password" }],
    });
  }
  await refundPasswordCheck(db, actor.userId);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    await endSessions(tx, actor.userId, { keepTokenHash: hashToken(token) });
    await recordAuditEvent(tx, actor, {
      action: "change_password",
      entityType: "user",
      entityId: actor.userId,
      after: { changed: ["password"], otherSessionsEnded: true },
    });
  });
}
