// One line of an alert's timeline on its page: what happened, when, who did
// it and through which channel, and the text that goes with it (a note, the
// resolution's note, who a tier notified).
export type AlertTimelineEntry = {
  at: string;
  kind: "raised" | "repeated" | "claimed" | "acknowledged" | "escalated" | "resolved" | "note" | "other";
  title: string;
  by: string | null;
  channel: string | null;
  text: string | null;
};
