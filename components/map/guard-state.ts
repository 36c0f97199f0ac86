// A guard's state on the NOC map, worst first: alert (any open alert raised by
// the guard or one of its devices), offline (its phone's offline alert, or no
// fix for the liveness window), low battery (a low-battery alert, or the last
// fix's battery under the tenant's threshold), ok. Clusters show their worst.
import type { NocMapRulesDto } from "@/server/contracts/noc-map";
import type { AlertDto, GuardPositionDto } from "@/server/contracts/socket-events";

export const GUARD_STATES = ["alert", "offline", "low-battery", "ok"] as const;
export type GuardState = (typeof GUARD_STATES)[number];

export const STATE_COLOURS: Record<GuardState, string> = {
  alert: "#ff5c5c",
  offline: "#8a94a6",
  "low-battery": "#f5b942",
  ok: "#3ecf8e",
};

export const STATE_LABELS: Record<GuardState, string> = {
  alert: "Alert",
  offline: "Offline",
  "low-battery": "Low battery",
  ok: "OK",
};

/** What the NOC knows beside positions and alerts: the tenant's thresholds and which devices belong to which guard. */
export type StateRules = NocMapRulesDto;

/** 0 is the worst. */
export const stateRank = (state: GuardState): number => GUARD_STATES.indexOf(state);

export function worseOf(a: GuardState, b: GuardState): GuardState {
  return stateRank(a) <= stateRank(b) ? a : b;
}

function stateOfAlert(type: string): GuardState {
  if (type === "offline") return "offline";
  if (type === "low-battery") return "low-battery";
  return "alert";
}

/** The worst state each guard's open alerts give it, by guard external id. */
export function alertStates(
  alerts: readonly Pick<AlertDto, "type" | "sourceExternalId">[],
  deviceGuards: StateRules["deviceGuards"],
): Map<string, GuardState> {
  const states = new Map<string, GuardState>();
  for (const alert of alerts) {
    const guard = deviceGuards[alert.sourceExternalId] ?? alert.sourceExternalId;
    const state = stateOfAlert(alert.type);
    const seen = states.get(guard);
    states.set(guard, seen ? worseOf(seen, state) : state);
  }
  return states;
}

export function guardState(
  position: Pick<GuardPositionDto, "battery" | "recordedAt">,
  fromAlerts: GuardState | undefined,
  rules: Pick<StateRules, "lowBatteryPercent" | "offlineAfterMs">,
  now: number,
): GuardState {
  let state: GuardState = fromAlerts ?? "ok";
  if (now - Date.parse(position.recordedAt) > rules.offlineAfterMs) state = worseOf(state, "offline");
  if (position.battery !== null && position.battery < rules.lowBatteryPercent) state = worseOf(state, "low-battery");
  return state;
}
