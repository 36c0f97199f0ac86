// An admin requires (or stops requiring) two-factor sign-in for the tenant.
// Requiring it is refused while the admin has none, who would otherwise be
// sent to set it up before they could undo the switch; the other users keep
// their sessions and are sent to set it up (server/auth/page-auth.ts,
// server/http/api-route.ts).
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { tenants, users } from "../../../db/schema";
import type { SecuritySettingsDto } from "../../contracts/account";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../observability/app-error";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function setSecuritySettings(
  db: Db,
  actor: Actor,
  input: SecuritySettingsDto,
): Promise<SecuritySettingsDto> {
  if (input.requireTotp) {
    const [self] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId));
    if (!self?.enabledAt) {
      throw new AppError("conflict", "Set up two-factor sign-in for yourself first (Account page), then require it.", {
        issues: [{ path: "requireTotp", message: "set it up for yourself first" }],
      });
    }
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ requireTotp: tenants.requireTotp })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId))
      .for("update");
    const [saved] = await tx
      .update(tenants)
      .set({ requireTotp: input.requireTotp })
      .where(eq(tenants.id, actor.tenantId))
      .returning({ requireTotp: tenants.requireTotp });
    const after = { requireTotp: saved!.requireTotp };
    await recordAuditEvent(tx, actor, {
      action: "update",
      entityType: "tenant",
      entityId: actor.tenantId,
      before,
      after,
    });
    return after;
  });
}
