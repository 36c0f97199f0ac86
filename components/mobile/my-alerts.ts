// The order of the supervisor's phone list: most severe first, and within a
// severity the newest first (what just happened is what a supervisor on the
// move needs; the NOC queue shows the longest-waiting first instead).
import type { AlertSeverity } from "@/server/contracts/socket-events";
import type { OpenAlert } from "../noc/open-alerts";

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function severityThenNewest(alerts: readonly OpenAlert[]): OpenAlert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.firstSeenAt.localeCompare(a.firstSeenAt) ||
      a.id.localeCompare(b.id),
  );
}
