// One circuit breaker per key (web push: per push service host), so one
// failing destination, which any tenant can register, fails fast alone
// instead of holding back every tenant's pushes. At most `maxKeys` are kept;
// past that the longest-unused closed ones are forgotten.
import { createCircuitBreaker, type BreakerState, type CircuitBreaker } from "./circuit-breaker";

export type KeyedBreakers = {
  forKey: (key: string) => CircuitBreaker;
  /** How many keys' breakers are open or half-open. */
  readonly notClosed: number;
};

export function createKeyedBreakers({
  name,
  maxKeys = 1000,
  onChange,
  now,
}: {
  name: string;
  maxKeys?: number;
  /** Called with the number of breakers that are not closed, whenever it changes. */
  onChange?: (notClosed: number) => void;
  now?: () => number;
}): KeyedBreakers {
  const breakers = new Map<string, CircuitBreaker>();
  const notClosed = new Set<string>();
  const changed = (key: string, state: BreakerState) => {
    const before = notClosed.size;
    if (state === "closed") notClosed.delete(key);
    else notClosed.add(key);
    if (notClosed.size !== before) onChange?.(notClosed.size);
  };
  return {
    get notClosed() {
      return notClosed.size;
    },
    forKey(key) {
      let breaker = breakers.get(key);
      if (breaker) {
        breakers.delete(key);
      } else {
        breaker = createCircuitBreaker({
          name: `${name} (${key})`,
          onChange: (state) => changed(key, state),
          ...(now ? { now } : {}),
        });
        for (const [old, oldBreaker] of breakers) {
          if (breakers.size < maxKeys) break;
          if (oldBreaker.state === "closed") breakers.delete(old);
        }
      }
      breakers.set(key, breaker);
      return breaker;
    },
  };
}
