import { describe, expect, it } from "vitest";
import { quietHoursEnd } from "./quiet-hours";

const night = { from: "22:00", to: "07:00", timezone: "Asia/Kolkata" };

describe("quiet hours", () => {
  it("end the next morning when an alert comes late in the evening", () => {
    // 23:30 in Kolkata (UTC+5:30) is 18:00 UTC.
    expect(quietHoursEnd(night, new Date("2026-12-06T18:00:00Z"))?.toISOString()).toBe("2026-12-07T01:30:00.000Z");
  });

  it("end the same morning when an alert comes after midnight", () => {
    expect(quietHoursEnd(night, new Date("2026-12-06T21:15:42.500Z"))?.toISOString()).toBe("2026-12-07T01:30:00.000Z");
  });

  it("hold nothing during the day, nor at the minute they end", () => {
    expect(quietHoursEnd(night, new Date("2026-12-06T06:30:00Z"))).toBeNull();
    expect(quietHoursEnd(night, new Date("2026-12-07T01:30:00Z"))).toBeNull();
  });

  it("begin at the minute they start", () => {
    expect(quietHoursEnd(night, new Date("2026-12-06T16:30:00Z"))?.toISOString()).toBe("2026-12-07T01:30:00.000Z");
  });

  it("may lie within one day", () => {
    const lunch = { from: "12:00", to: "13:30", timezone: "UTC" };
    expect(quietHoursEnd(lunch, new Date("2026-12-06T12:10:00Z"))?.toISOString()).toBe("2026-12-06T13:30:00.000Z");
    expect(quietHoursEnd(lunch, new Date("2026-12-06T11:59:59Z"))).toBeNull();
  });

  it("end at the local time written on the night the clocks go forward or back", () => {
    const london = { from: "00:00", to: "07:00", timezone: "Europe/London" };
    // 29 March 2026: 01:00 GMT becomes 02:00 BST; 07:00 BST is 06:00 UTC.
    expect(quietHoursEnd(london, new Date("2026-03-29T00:30:00Z"))?.toISOString()).toBe("2026-03-29T06:00:00.000Z");
    // 25 October 2026: 02:00 BST becomes 01:00 GMT; 07:00 GMT is 07:00 UTC.
    expect(quietHoursEnd(london, new Date("2026-10-24T23:30:00Z"))?.toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });
});
