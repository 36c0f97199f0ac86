// The user proves their app holds the pending secret with a current code
// (throttled, once only): the secret becomes active, so every later sign-in
// asks for a code; the sessions open now go on.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { acceptTotpCode } from "../../auth/accept-totp-code";
import { AppError } from "../../observability/app-error";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function confirmTotpEnrolment(db: Db, actor: Actor, code: string, secret: string): Promise<void> {
  const [user] = await db
    .select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user?.pending || user.enabledAt) {
    throw new AppError("conflict", "Start the setup first (no new secret is waiting for its code).");
  }
  const accepted = await acceptTotpCode(db, {
    userId: actor.userId,
    sealed: user.pending,
    lastStep: user.lastStep,
    code,
    secret,
  });
  if (!accepted) {
    throw new AppError("invalid_input", "That code is not right: enter the code your app shows now.", {
      issues: [{ path: "code", message: "not the current code of the new secret" }],
    });
  }
  const pending = user.pending;
  await db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(users)
      .set({ totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date() })
      .where(and(eq(users.id, actor.userId), eq(users.totpPendingSecret, pending), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (!enabled) throw new AppError("conflict", "The setup changed meanwhile: start again.");
    await recordAuditEvent(tx, actor, {
      action: "enable_totp",
      entityType: "user",
      entityId: actor.userId,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}
