import { describe, expect, it } from "vitest";
import { isOnShift, type ShiftPlan } from "./on-shift";

const at = (iso: string) => new Date(iso);
const weekdays = [1, 2, 3, 4, 5];

describe("on shift (who may raise offline and man-down alerts)", () => {
  it("a guard with no assignment, or an assignment without shifts, is always on duty", () => {
    expect(isOnShift([], at("2026-12-06T03:00:00Z"))).toBe(true);
    expect(isOnShift([{ shifts: [], timezone: "UTC" }], at("2026-12-06T03:00:00Z"))).toBe(true);
  });

  it("a day shift counts from its start, inclusive, to its end, exclusive", () => {
    const plans: ShiftPlan[] = [{ shifts: [{ days: weekdays, from: "09:00", to: "17:00" }], timezone: "UTC" }];
    // Monday 7 December 2026.
    expect(isOnShift(plans, at("2026-12-07T08:59:00Z"))).toBe(false);
    expect(isOnShift(plans, at("2026-12-07T09:00:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T16:59:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T17:00:00Z"))).toBe(false);
    // Sunday: no shift.
    expect(isOnShift(plans, at("2026-12-06T12:00:00Z"))).toBe(false);
  });

  it("shift times are read in the assignment's time zone", () => {
    // 09:00-17:00 in Kolkata (UTC+5:30) is 03:30-11:30 UTC.
    const plans: ShiftPlan[] = [{ shifts: [{ days: weekdays, from: "09:00", to: "17:00" }], timezone: "Asia/Kolkata" }];
    expect(isOnShift(plans, at("2026-12-07T03:29:00Z"))).toBe(false);
    expect(isOnShift(plans, at("2026-12-07T03:30:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T11:29:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T12:00:00Z"))).toBe(false);
  });

  it("a night shift runs past midnight and belongs to the day it starts on", () => {
    // Friday nights 22:00-06:00 in New York (UTC-5 in December).
    const plans: ShiftPlan[] = [{ shifts: [{ days: [5], from: "22:00", to: "06:00" }], timezone: "America/New_York" }];
    expect(isOnShift(plans, at("2026-12-12T02:59:00Z"))).toBe(false); // Fri 21:59
    expect(isOnShift(plans, at("2026-12-12T03:00:00Z"))).toBe(true); // Fri 22:00
    expect(isOnShift(plans, at("2026-12-12T10:59:00Z"))).toBe(true); // Sat 05:59
    expect(isOnShift(plans, at("2026-12-12T11:00:00Z"))).toBe(false); // Sat 06:00
    // Saturday night is not Friday's shift.
    expect(isOnShift(plans, at("2026-12-13T04:00:00Z"))).toBe(false); // Sat 23:00
    // Thursday night's early hours (Friday 02:00) belong to Thursday: off.
    expect(isOnShift(plans, at("2026-12-11T07:00:00Z"))).toBe(false);
  });

  it("follows daylight saving: 08:00 in Berlin is 06:00 UTC in summer, 07:00 in winter", () => {
    const plans: ShiftPlan[] = [
      { shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "08:00", to: "09:00" }], timezone: "Europe/Berlin" },
    ];
    expect(isOnShift(plans, at("2026-07-01T06:30:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-07-01T07:30:00Z"))).toBe(false);
    expect(isOnShift(plans, at("2026-12-07T06:30:00Z"))).toBe(false);
    expect(isOnShift(plans, at("2026-12-07T07:30:00Z"))).toBe(true);
  });

  it("a guard assigned to two sites is on duty inside either site's shifts", () => {
    const plans: ShiftPlan[] = [
      { shifts: [{ days: [1], from: "06:00", to: "10:00" }], timezone: "UTC" },
      { shifts: [{ days: [1], from: "14:00", to: "18:00" }], timezone: "Asia/Tokyo" }, // 05:00-09:00 UTC
    ];
    expect(isOnShift(plans, at("2026-12-07T05:30:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T09:30:00Z"))).toBe(true);
    expect(isOnShift(plans, at("2026-12-07T11:00:00Z"))).toBe(false);
  });
});
