import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alertRuleSettings } from "../../../db/schema";
import { alertRulesInput, DEFAULT_ALERT_RULES, type AlertRules } from "../../contracts/alert-rules";
import type { Actor } from "../../auth/actor";

export async function getAlertRules(db: Db, actor: Actor): Promise<AlertRules> {
  const [row] = await db.select().from(alertRuleSettings).where(eq(alertRuleSettings.tenantId, actor.tenantId));
  const parsed = alertRulesInput.safeParse(row?.rules ?? {});
  return parsed.success ? parsed.data : DEFAULT_ALERT_RULES;
}
