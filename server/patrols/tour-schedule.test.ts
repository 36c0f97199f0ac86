import { describe, expect, it } from "vitest";
import { CATCH_UP_MS, dueTimes, runsToMake, type TourTiming } from "./tour-schedule";

const at = (iso: string) => new Date(iso);
const hourly: TourTiming = {
  startAt: at("2026-12-07T08:00:00Z"),
  repeatMinutes: 60,
  windowMinutes: 20,
  createdAt: at("2026-01-01T00:00:00Z"),
};
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("tour schedule", () => {
  it("a repeating tour is due at its start and then every repeatMinutes", () => {
    expect(iso(dueTimes(hourly, [], at("2026-12-07T07:00:00Z"), at("2026-12-07T10:30:00Z")))).toEqual([
      "2026-12-07T08:00:00.000Z",
      "2026-12-07T09:00:00.000Z",
      "2026-12-07T10:00:00.000Z",
    ]);
  });

  it("gives each due time once across consecutive calls (after is exclusive, until inclusive)", () => {
    const first = dueTimes(hourly, [], at("2026-12-07T07:00:00Z"), at("2026-12-07T09:00:00Z"));
    const second = dueTimes(hourly, [], first.at(-1)!, at("2026-12-07T10:00:00Z"));
    expect(iso([...first, ...second])).toEqual([
      "2026-12-07T08:00:00.000Z",
      "2026-12-07T09:00:00.000Z",
      "2026-12-07T10:00:00.000Z",
    ]);
  });

  it("a one-off tour is due once, at its start", () => {
    const once = { ...hourly, repeatMinutes: null };
    expect(iso(dueTimes(once, [], at("2026-12-07T00:00:00Z"), at("2026-12-08T00:00:00Z")))).toEqual([
      "2026-12-07T08:00:00.000Z",
    ]);
    expect(dueTimes(once, [], at("2026-12-07T08:00:00Z"), at("2026-12-08T00:00:00Z"))).toEqual([]);
  });

  it("is due only inside the assigned guards' shifts, read in their time zone", () => {
    // Night shift 22:00-06:00 in New York (UTC-5 in December): 03:00-11:00 UTC.
    const plans = [
      { shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "22:00", to: "06:00" }], timezone: "America/New_York" },
    ];
    const tour = { ...hourly, startAt: at("2026-12-07T00:00:00Z") };
    expect(iso(dueTimes(tour, plans, at("2026-12-06T23:59:00Z"), at("2026-12-07T13:00:00Z")))).toEqual([
      "2026-12-07T03:00:00.000Z",
      "2026-12-07T04:00:00.000Z",
      "2026-12-07T05:00:00.000Z",
      "2026-12-07T06:00:00.000Z",
      "2026-12-07T07:00:00.000Z",
      "2026-12-07T08:00:00.000Z",
      "2026-12-07T09:00:00.000Z",
      "2026-12-07T10:00:00.000Z",
    ]);
  });

  it("one assignment without shifts (always on) makes every due time count", () => {
    const plans = [
      { shifts: [{ days: [1], from: "09:00", to: "10:00" }], timezone: "UTC" },
      { shifts: [], timezone: "UTC" },
    ];
    expect(dueTimes(hourly, plans, at("2026-12-07T07:00:00Z"), at("2026-12-07T12:00:00Z"))).toHaveLength(5);
  });

  it("after a long outage, only the last hours are made up (no flood of missed patrols)", () => {
    const quarterly = { ...hourly, repeatMinutes: 15, startAt: at("2026-01-01T00:00:00Z") };
    // (created long ago: the worker was down, not the tour new)
    const now = at("2026-12-07T12:00:00Z");
    const due = runsToMake(quarterly, [], at("2026-01-01T00:00:00Z"), now);
    expect(due).toHaveLength(CATCH_UP_MS / (15 * 60_000));
    expect(due.at(-1)!.toISOString()).toBe("2026-12-07T12:00:00.000Z");
  });

  it("a new tour's first run is its start; once made, a restart does not make it again", () => {
    const now = at("2026-12-07T08:00:30Z");
    expect(iso(runsToMake(hourly, [], null, now))).toEqual(["2026-12-07T08:00:00.000Z"]);
    expect(runsToMake(hourly, [], at("2026-12-07T08:00:00Z"), now)).toEqual([]);
  });

  it("a tour created with its start in the past makes no run whose window had already closed", () => {
    const late = { ...hourly, createdAt: at("2026-12-07T10:04:00Z") };
    // 08:00 and 09:00 closed at 08:20 and 09:20; 10:00 is still open until 10:20.
    expect(iso(runsToMake(late, [], null, at("2026-12-07T10:05:00Z")))).toEqual(["2026-12-07T10:00:00.000Z"]);
  });

  it("a shift's start is on duty and its end is not, in local time across a daylight-saving change", () => {
    // 09:00-10:00 every day in Berlin: 08:00-09:00 UTC in winter, 07:00-08:00 UTC from 29 March 2026.
    const plans = [
      { shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "09:00", to: "10:00" }], timezone: "Europe/Berlin" },
    ];
    const tour = { ...hourly, startAt: at("2026-03-28T00:00:00Z"), repeatMinutes: 30 };
    expect(iso(dueTimes(tour, plans, at("2026-03-27T23:59:00Z"), at("2026-03-29T23:59:00Z")))).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-28T08:30:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-29T07:30:00.000Z",
    ]);
  });

  it("after a worker restart, the runs missed while it was down are made once, and again none", () => {
    const now = at("2026-12-07T11:10:00Z");
    // The last run made was 08:00; the worker was down until 11:10.
    const due = runsToMake(hourly, [], at("2026-12-07T08:00:00Z"), now);
    expect(iso(due)).toEqual(["2026-12-07T09:00:00.000Z", "2026-12-07T10:00:00.000Z", "2026-12-07T11:00:00.000Z"]);
    expect(runsToMake(hourly, [], due.at(-1)!, at("2026-12-07T11:11:00Z"))).toEqual([]);
  });
});
