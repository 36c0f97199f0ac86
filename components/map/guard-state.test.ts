import { describe, expect, test } from "vitest";
import { alertStates, guardState, worseOf } from "./guard-state";

const NOW = Date.parse("2026-01-01T10:00:00.000Z");
const rules = { lowBatteryPercent: 15, offlineAfterMs: 90_000 };
const fresh = { battery: 80, recordedAt: "2026-01-01T09:59:50.000Z" };

describe("guard state on the map", () => {
  test("a guard reporting recently with a charged battery and no alert is ok", () => {
    expect(guardState(fresh, undefined, rules, NOW)).toBe("ok");
  });

  test("any open alert of the guard, not only a geofence violation, makes it alerting", () => {
    const states = alertStates([{ type: "panic", sourceExternalId: "g-1" }], {});
    expect(states.get("g-1")).toBe("alert");
    expect(guardState(fresh, states.get("g-1"), rules, NOW)).toBe("alert");
  });

  test("an alert raised by the guard's phone counts for the guard", () => {
    const states = alertStates([{ type: "man-down", sourceExternalId: "phone-1" }], { "phone-1": "g-1" });
    expect(states.get("g-1")).toBe("alert");
  });

  test("offline and low-battery alerts give those states, and the worst alert wins", () => {
    const deviceGuards = { "phone-1": "g-1" };
    expect(alertStates([{ type: "offline", sourceExternalId: "phone-1" }], deviceGuards).get("g-1")).toBe("offline");
    expect(alertStates([{ type: "low-battery", sourceExternalId: "g-1" }], deviceGuards).get("g-1")).toBe(
      "low-battery",
    );
    const both = alertStates(
      [
        { type: "low-battery", sourceExternalId: "g-1" },
        { type: "geofence-violation", sourceExternalId: "g-1" },
        { type: "offline", sourceExternalId: "phone-1" },
      ],
      deviceGuards,
    );
    expect(both.get("g-1")).toBe("alert");
  });

  test("no fix for longer than the liveness window is offline", () => {
    const stale = { battery: 80, recordedAt: "2026-01-01T09:58:00.000Z" };
    expect(guardState(stale, undefined, rules, NOW)).toBe("offline");
    expect(guardState(stale, "alert", rules, NOW)).toBe("alert");
  });

  test("a battery under the tenant's threshold is low battery, unless something worse holds", () => {
    expect(guardState({ ...fresh, battery: 12 }, undefined, rules, NOW)).toBe("low-battery");
    expect(guardState({ ...fresh, battery: 15 }, undefined, rules, NOW)).toBe("ok");
    expect(guardState({ ...fresh, battery: null }, undefined, rules, NOW)).toBe("ok");
    expect(guardState({ battery: 12, recordedAt: "2026-01-01T09:50:00.000Z" }, undefined, rules, NOW)).toBe("offline");
  });

  test("worseOf orders alert, offline, low battery, ok", () => {
    expect(worseOf("ok", "low-battery")).toBe("low-battery");
    expect(worseOf("offline", "low-battery")).toBe("offline");
    expect(worseOf("offline", "alert")).toBe("alert");
  });
});
