// An alert's timeline on its page: each entry with its time, what happened,
// who and through which channel, and its text (a note, a tier's recipients).
import type { AlertTimelineEntry } from "@/server/contracts/alert-timeline";
import { DateTime } from "../ui/date-time";

const CHANNELS: Record<string, string> = {
  web: "console",
  api: "API",
  link: "signed link",
  mqtt: "device",
  system: "Vigil",
};

export function AlertTimelineList({ entries }: { entries: AlertTimelineEntry[] }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry, index) => (
        <li key={index} className="timeline-entry" data-kind={entry.kind}>
          <span className="timeline-at muted">
            <DateTime iso={entry.at} />
          </span>
          <span className="timeline-title">
            {entry.title}
            {entry.by && <span className="timeline-by"> by {entry.by}</span>}
            {entry.channel && <span className="muted"> · {CHANNELS[entry.channel] ?? entry.channel}</span>}
          </span>
          {entry.text && <p className="timeline-text">{entry.text}</p>}
        </li>
      ))}
    </ol>
  );
}
