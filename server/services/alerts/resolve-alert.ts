// NEW or ACKNOWLEDGED -> RESOLVED, with an outcome (real, false alarm, test)
// and an optional note. Resolving frees the (source, type) slot: the next
// alarm from that source opens a new alert.
import type { ResolveAlertInput } from "../../contracts/alert-api";
import type { Actor } from "../../auth/actor";
import { cancelEscalation } from "./cancel-escalation";
import { transitionAlert, type AlertDeps } from "./transition-alert";

export function resolveAlert(
  deps: AlertDeps,
  actor: Actor,
  alertId: string,
  input: ResolveAlertInput,
  channel: string,
) {
  const now = new Date();
  return transitionAlert(deps, actor, {
    alertId,
    from: ["NEW", "ACKNOWLEDGED"],
    set: { status: "RESOLVED", resolvedAt: now, outcome: input.outcome, resolutionNote: input.note ?? null },
    action: "resolved",
    channel,
    detail: { outcome: input.outcome, ...(input.note ? { note: input.note } : {}) },
    afterUpdate: cancelEscalation(alertId),
  });
}
