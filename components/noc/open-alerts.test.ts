import { describe, expect, test } from "vitest";
import {
  initialOpenAlerts,
  openAlertsReducer,
  sortedAlerts,
  unacknowledgedCritical,
  type OpenAlert,
  type OpenAlertsState,
} from "./open-alerts";

function alert(id: string, overrides: Partial<OpenAlert> = {}): OpenAlert {
  return {
    id,
    type: "panic",
    severity: "critical",
    status: "NEW",
    message: "",
    lat: null,
    lon: null,
    count: 1,
    sourceExternalId: `guard-${id}`,
    sourceName: id,
    firstSeenAt: "2025-01-01T10:00:00.000Z",
    lastSeenAt: "2025-01-01T10:00:00.000Z",
    ...overrides,
  };
}

const ids = (state: OpenAlertsState) => sortedAlerts(state).map((a) => a.id);
const changed = (state: OpenAlertsState, ...alerts: OpenAlert[]) =>
  openAlertsReducer(state, { type: "changed", alerts });

describe("open alerts", () => {
  test("an event upserts by id: a repeat updates the alert instead of adding another", () => {
    let state = initialOpenAlerts([alert("a")]);
    state = changed(state, alert("a", { count: 3, lastSeenAt: "2025-01-01T10:00:09.000Z" }));
    expect(ids(state)).toEqual(["a"]);
    expect(state.byId.get("a")).toMatchObject({ count: 3, lastSeenAt: "2025-01-01T10:00:09.000Z" });
  });

  test("a resolved alert leaves the list and a later stale event cannot bring it back", () => {
    let state = initialOpenAlerts([alert("a"), alert("b")]);
    state = changed(state, alert("a", { status: "RESOLVED" }));
    state = changed(state, alert("a", { count: 2 }));
    expect(ids(state)).toEqual(["b"]);
  });

  test("a status never moves back and fields only an API answer carries are kept", () => {
    let state = initialOpenAlerts([alert("a", { status: "ACKNOWLEDGED", claimedBy: "op@vigil.test" })]);
    state = changed(state, alert("a", { count: 2 }));
    expect(state.byId.get("a")).toMatchObject({ status: "ACKNOWLEDGED", claimedBy: "op@vigil.test", count: 2 });
  });

  test("a reload replaces the list: alerts resolved while disconnected go, missed ones come", () => {
    let state = initialOpenAlerts([alert("a"), alert("b")]);
    state = openAlertsReducer(state, { type: "reloadStarted" });
    state = openAlertsReducer(state, {
      type: "reloaded",
      alerts: [alert("b", { status: "ACKNOWLEDGED" }), alert("c")],
    });
    expect(ids(state)).toEqual(["b", "c"]);
    expect(state.byId.get("b")?.status).toBe("ACKNOWLEDGED");
    expect(state.heardDuringReload).toBeNull();
  });

  test("events heard while a reload is in flight survive an older snapshot", () => {
    let state = initialOpenAlerts([alert("a"), alert("b")]);
    state = openAlertsReducer(state, { type: "reloadStarted" });
    state = changed(
      state,
      alert("a", { status: "ACKNOWLEDGED" }),
      alert("b", { status: "RESOLVED" }),
      alert("new", { firstSeenAt: "2025-01-01T10:05:00.000Z" }),
    );
    state = openAlertsReducer(state, { type: "reloaded", alerts: [alert("a"), alert("b")] });
    expect(ids(state)).toEqual(["a", "new"]);
    expect(state.byId.get("a")?.status).toBe("ACKNOWLEDGED");
  });

  test("most severe first, then the longest waiting", () => {
    const state = initialOpenAlerts([
      alert("low", { severity: "low", firstSeenAt: "2025-01-01T09:00:00.000Z" }),
      alert("newer", { firstSeenAt: "2025-01-01T10:05:00.000Z" }),
      alert("older", { firstSeenAt: "2025-01-01T10:01:00.000Z" }),
      alert("high", { severity: "high" }),
    ]);
    expect(ids(state)).toEqual(["older", "newer", "high", "low"]);
  });

  test("the alarm rings only for critical alerts nobody has acknowledged", () => {
    const list = sortedAlerts(
      initialOpenAlerts([alert("a"), alert("b", { status: "ACKNOWLEDGED" }), alert("c", { severity: "high" })]),
    );
    expect(unacknowledgedCritical(list).map((a) => a.id)).toEqual(["a"]);
  });
});
