import { describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../../contracts/alert-api";
import type { DeliveryDto } from "../../contracts/notifications";
import { alertTimeline } from "./alert-timeline";

const delivery = (d: Partial<DeliveryDto>): DeliveryDto => ({
  id: crypto.randomUUID(),
  contactName: "Sam",
  channel: "sms",
  recipient: null,
  round: 0,
  tier: 0,
  attempts: 1,
  status: "sent",
  fallback: false,
  holdUntil: null,
  providerId: "SM1",
  error: null,
  createdAt: "2026-12-06T07:00:01.000Z",
  sentAt: "2026-12-06T07:00:02.000Z",
  ...d,
});

const alert: AlertDetailDto = {
  id: "5b0c6f7e-8a43-4f57-9d43-0d1f3c4b2a10",
  type: "panic",
  severity: "critical",
  status: "RESOLVED",
  message: "Help",
  lat: 12.97,
  lon: 77.59,
  count: 3,
  sourceExternalId: "guard-7",
  sourceName: "Asha",
  firstSeenAt: "2026-12-06T07:00:00.000Z",
  lastSeenAt: "2026-12-06T07:00:30.000Z",
  siteId: null,
  createdAt: "2026-12-06T07:00:00.000Z",
  acknowledgedAt: "2026-12-06T07:01:00.000Z",
  resolvedAt: "2026-12-06T07:10:00.000Z",
  outcome: "false_alarm",
  resolutionNote: "pocket press",
  claimedBy: null,
  falseAlarmScore: null,
  scoredByModelVersion: null,
  events: [
    { action: "raised", channel: "mqtt", by: null, at: "2026-12-06T07:00:00.000Z", detail: null },
    { action: "acknowledged", channel: "link", by: "Sam", at: "2026-12-06T07:01:00.000Z", detail: null },
    {
      action: "note",
      channel: "web",
      by: "ravi@x.test",
      at: "2026-12-06T07:05:00.000Z",
      detail: { note: "called her" },
    },
    {
      action: "resolved",
      channel: "web",
      by: "ravi@x.test",
      at: "2026-12-06T07:10:00.000Z",
      detail: { outcome: "false_alarm", note: "pocket press" },
    },
  ],
  deliveries: [
    delivery({ channel: "sms" }),
    delivery({ channel: "email", createdAt: "2026-12-06T07:00:00.500Z" }),
    delivery({ tier: 1, contactName: null, createdAt: "2026-12-06T07:02:00.000Z" }),
  ],
};

describe("an alert's timeline", () => {
  it("merges the event log, the tiers fired and the repeats, oldest first", () => {
    expect(alertTimeline(alert).map((e) => [e.at.slice(11, 19), e.title, e.by, e.text])).toEqual([
      ["07:00:00", "Raised", null, null],
      ["07:00:00", "Escalation tier 1 notified", null, "Sam by sms, Sam by email"],
      ["07:00:30", "Last repeat (3 times in all)", null, null],
      ["07:01:00", "Acknowledged", "Sam", null],
      ["07:02:00", "Escalation tier 2 notified", null, "a removed contact by sms"],
      ["07:05:00", "Note", "ravi@x.test", "called her"],
      ["07:10:00", "Resolved as false alarm", "ravi@x.test", "pocket press"],
    ]);
  });

  it("has no repeat line for an alert raised once", () => {
    expect(alertTimeline({ ...alert, count: 1 }).some((e) => e.kind === "repeated")).toBe(false);
  });
});
