import { describe, expect, it } from "vitest";
import { windowStart } from "../lib/weekly-windows";
import { decideCheckIn, type CheckInPlan, type CheckInState } from "./check-in-schedule";

const at = (iso: string) => new Date(iso);
// 2026-12-07 is a Monday. Night shift 22:00-06:00 in India (UTC+5:30): Monday 22:00 IST is 16:30Z.
const night: CheckInPlan = {
  siteId: "site-night",
  shifts: [{ days: [1], from: "22:00", to: "06:00" }],
  timezone: "Asia/Kolkata",
  checkInMinutes: 30,
  graceSeconds: 120,
};
const watched = (over: Partial<CheckInState> = {}): CheckInState => ({
  watchedSince: at("2026-12-07T16:30:00Z"),
  lastCheckInAt: null,
  preAlarmDueAt: null,
  missedDueAt: null,
  ...over,
});
const due = (d: ReturnType<typeof decideCheckIn>) =>
  d.onShift ? { dueAt: d.dueAt?.toISOString() ?? null, preAlarm: d.preAlarm, missed: d.missed } : "off shift";

describe("check-in schedule", () => {
  it("asks nothing outside the shift, read in the assignment's time zone", () => {
    // 16:20Z is 21:50 in India: ten minutes before the shift.
    expect(due(decideCheckIn([night], watched(), at("2026-12-07T16:20:00Z")))).toBe("off shift");
    // 00:40Z Tuesday is 06:10 in India: ten minutes after it.
    expect(due(decideCheckIn([night], watched(), at("2026-12-08T00:40:00Z")))).toBe("off shift");
  });

  it("on the shift's first tick only starts watching: nothing is due yet", () => {
    const first = decideCheckIn([night], watched({ watchedSince: null }), at("2026-12-07T16:31:00Z"));
    expect(due(first)).toEqual({ dueAt: null, preAlarm: false, missed: false });
  });

  it("is due checkInMinutes after the shift starts, pre-alarms then, and misses after the grace", () => {
    const state = watched({ watchedSince: at("2026-12-07T10:00:00Z") });
    expect(due(decideCheckIn([night], state, at("2026-12-07T16:59:00Z")))).toEqual({
      dueAt: "2026-12-07T17:00:00.000Z",
      preAlarm: false,
      missed: false,
    });
    expect(due(decideCheckIn([night], state, at("2026-12-07T17:01:00Z")))).toMatchObject({
      preAlarm: true,
      missed: false,
    });
    const preAlarmed = { ...state, preAlarmDueAt: at("2026-12-07T17:00:00Z") };
    expect(due(decideCheckIn([night], preAlarmed, at("2026-12-07T17:02:00Z")))).toMatchObject({ missed: true });
  });

  it("raises the missed alert only on a tick after the pre-alarm went out, however late the tick", () => {
    const state = watched({ watchedSince: at("2026-12-07T10:00:00Z") });
    // The worker was down from before the due time until long after the grace: the pre-alarm first, alone.
    expect(due(decideCheckIn([night], state, at("2026-12-07T19:00:00Z")))).toMatchObject({
      preAlarm: true,
      missed: false,
    });
    // With no grace at all there is nothing to wait for.
    const noGrace = { ...night, graceSeconds: 0 };
    expect(due(decideCheckIn([noGrace], state, at("2026-12-07T17:00:00Z")))).toMatchObject({
      preAlarm: true,
      missed: true,
    });
  });

  it("a check-in moves the next due time to checkInMinutes after it", () => {
    const state = watched({ lastCheckInAt: at("2026-12-07T16:55:00Z") });
    expect(due(decideCheckIn([night], state, at("2026-12-07T17:10:00Z")))).toEqual({
      dueAt: "2026-12-07T17:25:00.000Z",
      preAlarm: false,
      missed: false,
    });
  });

  it("sends each once per due time: a restart or any later tick of the same period sends nothing again", () => {
    const sent = watched({ preAlarmDueAt: at("2026-12-07T17:00:00Z"), missedDueAt: at("2026-12-07T17:00:00Z") });
    for (const now of ["2026-12-07T17:03:00Z", "2026-12-07T18:30:00Z", "2026-12-07T23:59:00Z"]) {
      expect(due(decideCheckIn([night], sent, at(now)))).toMatchObject({ preAlarm: false, missed: false });
    }
    // A pre-alarm sent and the worker down past the grace: the missed alert alone is still owed.
    const preAlarmed = watched({ preAlarmDueAt: at("2026-12-07T17:00:00Z") });
    expect(due(decideCheckIn([night], preAlarmed, at("2026-12-07T19:00:00Z")))).toMatchObject({
      preAlarm: false,
      missed: true,
    });
  });

  it("a later check-in ends the missed period; the next one is due, and alarmed, afresh", () => {
    const state = watched({
      lastCheckInAt: at("2026-12-07T17:10:00Z"),
      preAlarmDueAt: at("2026-12-07T17:00:00Z"),
      missedDueAt: at("2026-12-07T17:00:00Z"),
    });
    expect(due(decideCheckIn([night], state, at("2026-12-07T17:43:00Z")))).toEqual({
      dueAt: "2026-12-07T17:40:00.000Z",
      preAlarm: true,
      missed: false,
    });
  });

  it("counts an overnight shift from the evening it began, past midnight", () => {
    // 20:00Z Monday is 01:30 Tuesday in India; the shift began Monday 22:00 there.
    const state = watched({ watchedSince: at("2026-12-01T00:00:00Z") });
    expect(due(decideCheckIn([night], state, at("2026-12-07T20:00:00Z")))).toMatchObject({
      dueAt: "2026-12-07T17:00:00.000Z",
    });
  });

  it("follows the assignment on shift that asks most often; one without shifts is always on shift", () => {
    const always: CheckInPlan = { ...night, siteId: "site-day", shifts: [], checkInMinutes: 60 };
    const often: CheckInPlan = { ...night, siteId: "site-often", checkInMinutes: 15 };
    const state = watched({ watchedSince: at("2026-12-07T12:00:00Z") });
    const offShift = decideCheckIn([always, often], state, at("2026-12-07T12:30:00Z"));
    expect(offShift.onShift && offShift.plan.siteId).toBe("site-day");
    const onShift = decideCheckIn([always, often], state, at("2026-12-07T17:00:00Z"));
    expect(onShift.onShift && onShift.plan.siteId).toBe("site-often");
    expect(due(onShift)).toMatchObject({ dueAt: "2026-12-07T16:45:00.000Z" });
  });
});

describe("windowStart", () => {
  it("finds the start of the window holding an instant, in the window's zone", () => {
    expect(windowStart(night.shifts, night.timezone, at("2026-12-07T20:00:00Z"))?.toISOString()).toBe(
      "2026-12-07T16:30:00.000Z",
    );
    expect(windowStart(night.shifts, night.timezone, at("2026-12-07T12:00:00Z"))).toBeNull();
  });

  it("stays right across the end of daylight saving time inside the shift", () => {
    // Berlin leaves summer time at 03:00 on Sunday 2026-10-25: a Saturday 22:00-06:00 shift began at 20:00Z.
    const saturdayNight = [{ days: [6], from: "22:00", to: "06:00" }];
    expect(windowStart(saturdayNight, "Europe/Berlin", at("2026-10-25T04:00:00Z"))?.toISOString()).toBe(
      "2026-10-24T20:00:00.000Z",
    );
    // And into summer time (2026-03-29, 02:00 -> 03:00): the shift began at 21:00Z.
    expect(windowStart(saturdayNight, "Europe/Berlin", at("2026-03-29T03:00:00Z"))?.toISOString()).toBe(
      "2026-03-28T21:00:00.000Z",
    );
  });
});
