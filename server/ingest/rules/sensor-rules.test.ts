import { describe, expect, it } from "vitest";
import { isArmed } from "./armed-schedule";
import { batteryAlert, sensorAlert, systemAlert } from "./sensor-rules";

const nights = [{ days: [1, 2, 3, 4, 5], from: "22:00", to: "06:00" }];

describe("arming schedule", () => {
  it("a window past midnight covers the evening it starts and the next morning, in the site's time zone", () => {
    // Monday 2026-11-23 23:30 in Kolkata is 18:00 UTC.
    expect(isArmed(nights, "Asia/Kolkata", new Date("2026-11-23T18:00:00Z"))).toBe(true);
    // Tuesday 05:59 local (Monday's window still runs).
    expect(isArmed(nights, "Asia/Kolkata", new Date("2026-11-24T00:29:00Z"))).toBe(true);
    // Tuesday 06:00 local: disarmed.
    expect(isArmed(nights, "Asia/Kolkata", new Date("2026-11-24T00:30:00Z"))).toBe(false);
    // Saturday 23:00 local: Saturday is not in the schedule.
    expect(isArmed(nights, "Asia/Kolkata", new Date("2026-11-28T17:30:00Z"))).toBe(false);
    // Saturday 03:00 local: the window began Friday evening.
    expect(isArmed(nights, "Asia/Kolkata", new Date("2026-11-27T21:30:00Z"))).toBe(true);
  });

  it("no schedule means never armed", () => {
    expect(isArmed([], "UTC", new Date())).toBe(false);
  });
});

describe("sensor rules", () => {
  it("smoke is a critical fire alarm whatever the arming", () => {
    expect(sensorAlert("smoke", { value: 0.8, state: "alarm" }, false)).toMatchObject({
      type: "fire",
      severity: "critical",
    });
    expect(sensorAlert("smoke", { state: "clear" }, true)).toBeNull();
  });

  it("a door opening raises an intrusion only while armed; motion an activity alert", () => {
    expect(sensorAlert("door", { state: "open" }, true)).toMatchObject({ type: "intrusion", severity: "high" });
    expect(sensorAlert("door", { state: "open" }, false)).toBeNull();
    expect(sensorAlert("door", { state: "closed" }, true)).toBeNull();
    expect(sensorAlert("motion", { value: true }, true)).toMatchObject({ type: "activity", severity: "medium" });
    expect(sensorAlert("temperature", { value: 80 }, true)).toBeNull();
  });

  it("a battery under 15% raises low battery", () => {
    expect(batteryAlert(14.5)).toMatchObject({ type: "low-battery", message: "Battery at 15%" });
    expect(batteryAlert(15)).toBeNull();
    expect(batteryAlert(undefined)).toBeNull();
  });

  it("a system component reporting itself down is a high alert; ok is not", () => {
    expect(systemAlert("uplink", "DOWN")).toEqual({ type: "system-down", severity: "high", message: "uplink is down" });
    expect(systemAlert("uplink", "ok")).toBeNull();
    expect(systemAlert("cpu", undefined)).toBeNull();
  });
});
