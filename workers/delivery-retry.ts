// When a failed notification delivery is tried again: base x 2^(attempt - 1),
// capped, with +-20% jitter so deliveries failed together by one provider
// outage do not all come back at the same instant. graphile-worker's own
// backoff (e^attempt seconds) waits 55 s before the 5th attempt and 20 min
// before the 8th: far too long for a panic, and not adjustable.
export type RetrySettings = { baseMs: number; maxMs: number };

/** Attempts before a delivery is marked failed (about 8 minutes with the default settings). */
export const MAX_DELIVERY_ATTEMPTS = 20;

export function retryDelayMs(attempt: number, { baseMs, maxMs }: RetrySettings, random = Math.random): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(delay * (0.8 + 0.4 * random()));
}
