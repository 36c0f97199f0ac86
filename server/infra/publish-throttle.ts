// Per-client publish rate on the embedded broker (issue 16, item 10), as a
// generic cell rate algorithm: a client may publish `burst` messages at once,
// then `ratePerSecond` on average. Over it, the answer is a delay, not a
// refusal: the broker holds the publish back, and aedes reads no more of that
// client's socket until the held packets are through, so a flood slows down
// at its source (TCP backpressure) instead of queueing in Vigil, and a phone
// flushing a backlog loses nothing. 10 lines of arithmetic on the hot path,
// no timer or promise per message that passes: why not a rate-limit package.
export type PublishThrottle = {
  /** Milliseconds to hold this publish back (0: at once), counting it against the client's rate. */
  delayFor: (nowMs: number) => number;
};

export function createPublishThrottle({
  ratePerSecond,
  burst,
}: {
  ratePerSecond: number;
  burst: number;
}): PublishThrottle {
  const interval = 1000 / ratePerSecond;
  const tolerance = interval * burst;
  // Theoretical arrival time: when the client's allowance would be back to empty.
  let tat = 0;
  return {
    delayFor(nowMs) {
      tat = Math.max(tat, nowMs) + interval;
      return Math.max(0, tat - nowMs - tolerance);
    },
  };
}
