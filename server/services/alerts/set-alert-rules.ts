// Replaces a tenant's alert rules and tells every ingest process at once.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alertRuleSettings } from "../../../db/schema";
import type { AlertRules } from "../../contracts/alert-rules";
import { ALERT_RULES_CHANNEL } from "../../contracts/alert-rules";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function setAlertRules(db: Db, actor: Actor, rules: AlertRules): Promise<AlertRules> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ rules: alertRuleSettings.rules })
      .from(alertRuleSettings)
      .where(eq(alertRuleSettings.tenantId, actor.tenantId))
      .for("update");
    await tx
      .insert(alertRuleSettings)
      .values({ tenantId: actor.tenantId, rules })
      .onConflictDoUpdate({ target: alertRuleSettings.tenantId, set: { rules, updatedAt: new Date() } });
    await tx.execute(sql`select pg_notify(${ALERT_RULES_CHANNEL}, ${actor.tenantId})`);
    await recordAuditEvent(tx, actor, {
      action: "update",
      entityType: "alert_rules",
      entityId: actor.tenantId,
      before: before?.rules,
      after: rules,
    });
  });
  return rules;
}
