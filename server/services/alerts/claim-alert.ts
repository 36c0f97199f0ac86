// An operator takes an open alert ("I'm on it"); someone else's claim is not
// overwritten: the second claimer is told who has it.
import { eq, isNull, or } from "drizzle-orm";
import { alerts } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { transitionAlert, type AlertDeps } from "./transition-alert";

export function claimAlert(deps: AlertDeps, actor: Actor, alertId: string, channel: string) {
  return transitionAlert(deps, actor, {
    alertId,
    from: ["NEW", "ACKNOWLEDGED"],
    set: { claimedBy: actor.userId },
    extraCondition: or(isNull(alerts.claimedBy), eq(alerts.claimedBy, actor.userId)),
    action: "claimed",
    channel,
  });
}
