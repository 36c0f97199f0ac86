// NEW -> ACKNOWLEDGED. When two people acknowledge at once, exactly one
// succeeds; the other gets a 409 saying who was first.
import type { Actor } from "../../auth/actor";
import { cancelEscalation } from "./cancel-escalation";
import { transitionAlert, type AlertDeps } from "./transition-alert";

export function acknowledgeAlert(deps: AlertDeps, actor: Actor, alertId: string, channel: string) {
  return transitionAlert(deps, actor, {
    alertId,
    from: ["NEW"],
    set: { status: "ACKNOWLEDGED", acknowledgedAt: new Date() },
    action: "acknowledged",
    channel,
    afterUpdate: cancelEscalation(alertId),
  });
}
