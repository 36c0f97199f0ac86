// What the liveness check does about one guard and man-down, given whether the
// guard lies still now and the pending "Are you OK?" (if any): ask the phones,
// wait for the answer, alarm, or forget the question. Pure, so the rules are
// tested without a database (decide-man-down.test.ts).

export type PendingManDownCheck = { sentAt: Date; dueAt: Date; alarmedAt: Date | null };

export type ManDownStep =
  /** Nothing to do (not still, or still but answered "I'm OK" less than the stillness window ago). */
  | "none"
  /** Send "Are you OK?" to the guard's phones and remember it. */
  | "ask"
  /** Asked, the window is still open. */
  | "wait"
  /** Raise (or, already raised, keep up) the man-down alarm. */
  | "alarm"
  /** The guard answered, moved or went off shift: forget the question. */
  | "forget";

export type ManDownFacts = {
  /** The guard is on shift with fresh fixes that stayed within the man-down distance for the man-down time. */
  still: boolean;
  pending: PendingManDownCheck | null;
  /** Since the question was asked, a fix farther than the man-down distance from where the guard lay. */
  movedSinceAsked: boolean;
  onShift: boolean;
  lastCheckInAt: Date | null;
  cancelSeconds: number;
  stillMinutes: number;
  now: Date;
};

export function decideManDown(facts: ManDownFacts): ManDownStep {
  const { still, pending, lastCheckInAt, now } = facts;
  if (pending === null) {
    if (!still) return "none";
    // An "I'm OK" restarts the stillness window: the guard is asked again only after lying still that long since.
    if (lastCheckInAt !== null && lastCheckInAt.getTime() > now.getTime() - facts.stillMinutes * 60_000) return "none";
    return facts.cancelSeconds <= 0 ? "alarm" : "ask";
  }
  const answered = lastCheckInAt !== null && lastCheckInAt.getTime() >= pending.sentAt.getTime();
  if (answered || facts.movedSinceAsked || !facts.onShift) return "forget";
  if (pending.alarmedAt !== null) return still ? "alarm" : "wait";
  return now.getTime() >= pending.dueAt.getTime() ? "alarm" : "wait";
}
