// The tenant's thresholds and guard phones for colouring guards on the NOC map.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, guards } from "../../../db/schema";
import { DEFAULT_REPORT_INTERVALS } from "../../contracts/alert-rules";
import type { NocMapRulesDto } from "../../contracts/noc-map";
import type { Actor } from "../../auth/actor";
import { deviceInScope } from "../../auth/site-scope";
import { getAlertRules } from "../alerts/get-alert-rules";

export async function getNocMapRules(db: Db, actor: Actor): Promise<NocMapRulesDto> {
  const [rules, phones] = await Promise.all([
    getAlertRules(db, actor),
    db
      .select({ device: devices.externalId, guard: guards.externalId })
      .from(devices)
      .innerJoin(guards, eq(guards.id, devices.guardId))
      .where(
        and(
          eq(devices.tenantId, actor.tenantId),
          deviceInScope(actor, devices),
          isNotNull(devices.guardId),
          isNull(devices.revokedAt),
        ),
      ),
  ]);
  const intervalS = rules.liveness.intervalSeconds["guard-phone"] ?? DEFAULT_REPORT_INTERVALS["guard-phone"];
  return {
    lowBatteryPercent: rules.lowBatteryPercent,
    offlineAfterMs: intervalS * rules.liveness.missedIntervals * 1000,
    deviceGuards: Object.fromEntries(phones.map((p) => [p.device, p.guard])),
  };
}
