// A circuit breaker per notification provider: after `threshold` failures in a
// row it opens and fails fast for `openMs`, then lets one call through to test
// the provider (half-open). Retries are left to the job queue's backoff.
export type BreakerState = "closed" | "open" | "half-open";

export type CircuitBreaker = {
  readonly state: BreakerState;
  run: <T>(call: () => Promise<T>) => Promise<T>;
};

export class BreakerOpenError extends Error {
  constructor(
    name: string,
    /** When the breaker lets a call through again. */
    readonly retryInMs: number,
  ) {
    super(`${name} circuit breaker is open (retry in ${Math.ceil(retryInMs / 1000)} s)`);
  }
}

export function createCircuitBreaker({
  name,
  threshold = 5,
  openMs = 30_000,
  onChange,
  now = Date.now,
}: {
  name: string;
  threshold?: number;
  openMs?: number;
  onChange?: (state: BreakerState) => void;
  now?: () => number;
}): CircuitBreaker {
  let failures = 0;
  let openedAt = 0;
  let state: BreakerState = "closed";
  const set = (next: BreakerState) => {
    if (next !== state) onChange?.(next);
    state = next;
  };
  return {
    get state() {
      if (state === "open" && now() - openedAt >= openMs) set("half-open");
      return state;
    },
    async run(call) {
      if (this.state === "open") throw new BreakerOpenError(name, openMs - (now() - openedAt));
      try {
        const result = await call();
        failures = 0;
        set("closed");
        return result;
      } catch (error) {
        failures += 1;
        if (state === "half-open" || failures >= threshold) {
          openedAt = now();
          set("open");
        }
        throw error;
      }
    },
  };
}
