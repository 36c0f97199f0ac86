import { describe, expect, it } from "vitest";
import type { AlertDetailDto } from "../../contracts/alert-api";
import { toLinkAlert } from "./link-alert";

const alert: AlertDetailDto = {
  id: "5b0c6f7e-8a43-4f57-9d43-0d1f3c4b2a10",
  type: "panic",
  severity: "critical",
  status: "RESOLVED",
  message: "Intruder at gate 3",
  lat: 12.97,
  lon: 77.59,
  count: 2,
  sourceExternalId: "guard-7",
  sourceName: "Asha",
  firstSeenAt: "2026-12-06T07:00:00.000Z",
  lastSeenAt: "2026-12-06T07:00:05.000Z",
  siteId: "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
  createdAt: "2026-12-06T07:00:00.000Z",
  acknowledgedAt: "2026-12-06T07:01:00.000Z",
  resolvedAt: "2026-12-06T07:10:00.000Z",
  outcome: "false_alarm",
  resolutionNote: "Guard's ex-partner again; HR informed",
  claimedBy: "operator.ravi@acme-guards.test",
  falseAlarmScore: 0.91,
  scoredByModelVersion: 4,
  events: [],
  deliveries: [],
};

describe("the alert a signed link shows", () => {
  it("holds what the link is for and no operator emails, notes, scores or site", () => {
    const shown = toLinkAlert(alert);
    expect(Object.keys(shown).sort()).toEqual(
      [
        "id",
        "type",
        "severity",
        "status",
        "message",
        "lat",
        "lon",
        "count",
        "sourceExternalId",
        "sourceName",
        "firstSeenAt",
        "lastSeenAt",
        "acknowledgedAt",
        "resolvedAt",
      ].sort(),
    );
    const text = JSON.stringify(shown);
    for (const secret of ["operator.ravi", "ex-partner", "0.91", alert.siteId!]) expect(text).not.toContain(secret);
  });
});
