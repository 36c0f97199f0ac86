import { describe, expect, it } from "vitest";
import type { OpenAlert } from "../noc/open-alerts";
import { severityThenNewest } from "./my-alerts";

const alert = (id: string, severity: OpenAlert["severity"], firstSeenAt: string): OpenAlert => ({
  id,
  type: "panic",
  severity,
  status: "NEW",
  message: "",
  lat: null,
  lon: null,
  count: 1,
  sourceExternalId: id,
  sourceName: id,
  firstSeenAt,
  lastSeenAt: firstSeenAt,
});

describe("the supervisor's alert list", () => {
  it("puts the most severe first and, within a severity, the newest first", () => {
    const sorted = severityThenNewest([
      alert("old-high", "high", "2026-01-01T10:00:00Z"),
      alert("old-critical", "critical", "2026-01-01T09:00:00Z"),
      alert("new-critical", "critical", "2026-01-01T11:00:00Z"),
      alert("new-low", "low", "2026-01-01T12:00:00Z"),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(["new-critical", "old-critical", "old-high", "new-low"]);
  });
});
