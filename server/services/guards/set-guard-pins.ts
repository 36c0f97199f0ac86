// An admin sets a guard's PIN and duress PIN (together, and different): the
// guard app asks for the PIN to cancel a pre-alarm or a man-down; the duress
// PIN answers the same on the phone but raises a silent duress alert. Only
// their hashes are kept (PIN_SCRYPT_PARAMS) and neither is ever returned or
// audited; setting them clears any wrong-PIN lock.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardCheckIns, guards } from "../../../db/schema";
import type { SetGuardPinsInput } from "../../contracts/api";
import { hashPassword, PIN_SCRYPT_PARAMS } from "../../auth/password";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function setGuardPins(db: Db, actor: Actor, externalId: string, input: SetGuardPinsInput) {
  const [pinHash, duressPinHash] = await Promise.all([
    hashPassword(input.pin, PIN_SCRYPT_PARAMS),
    hashPassword(input.duressPin, PIN_SCRYPT_PARAMS),
  ]);
  await db.transaction(async (tx) => {
    const [guard] = await tx
      .update(guards)
      .set({ pinHash, duressPinHash })
      .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.externalId, externalId)))
      .returning({ id: guards.id });
    if (!guard) throw new AppError("not_found", `No guard "${externalId}".`);
    await tx
      .update(guardCheckIns)
      .set({ wrongPins: 0, wrongPinsSince: sql`null` })
      .where(eq(guardCheckIns.guardId, guard.id));
    await recordAuditEvent(tx, actor, { action: "set_pins", entityType: "guard", entityId: externalId });
  });
}
