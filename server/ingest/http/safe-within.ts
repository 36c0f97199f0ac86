// How long an HTTP adapter waits for a fix to be safe (committed, or
// acknowledged by the broker) before it answers 503 for the device to send it
// again. One sweep for all the fixes waiting rather than a timer each: a
// device posts every fix, and a timer set and cleared per fix cost more than
// the rest of the wait.

/** How often the waits past their bound are answered: a 503 comes at most this much after the bound. */
const SWEEP_EVERY_MS = 250;

/** `within(safe)`: true once `safe` resolves, false if it rejects or takes longer than `boundMs`. */
export function createSafeWithin(boundMs: number): (safe: Promise<unknown>) => Promise<boolean> {
  /** Each wait's answer and its deadline, in the order they began (so also by deadline). */
  const waiting = new Map<(safe: boolean) => void, number>();
  let sweeper: NodeJS.Timeout | undefined;

  function sweep(): void {
    const now = performance.now();
    for (const [answer, deadline] of waiting) {
      if (deadline > now) break;
      answer(false);
    }
    if (waiting.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }

  return (safe) =>
    new Promise<boolean>((resolve) => {
      const answer = (isSafe: boolean) => {
        if (waiting.delete(answer)) resolve(isSafe);
      };
      waiting.set(answer, performance.now() + boundMs);
      sweeper ??= setInterval(sweep, SWEEP_EVERY_MS);
      safe.then(
        () => answer(true),
        () => answer(false),
      );
    });
}
