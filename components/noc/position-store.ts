// Latest position per guard, outside React state: socket events write here at
// any rate; views read it once per animation frame.
import type { GuardPositionDto } from "@/server/contracts/socket-events";

export type PositionStore = {
  all: () => Map<string, GuardPositionDto>;
  upsert: (positions: GuardPositionDto[]) => void;
  /** Ids changed since the last call. */
  takeChanged: () => string[];
  subscribe: (listener: () => void) => () => void;
};

export function createPositionStore(initial: GuardPositionDto[]): PositionStore {
  const byGuard = new Map(initial.map((p) => [p.guardId, p]));
  let changed = new Set(byGuard.keys());
  const listeners = new Set<() => void>();
  return {
    all: () => byGuard,
    upsert(positions) {
      for (const p of positions) {
        const seen = byGuard.get(p.guardId);
        if (seen && seen.recordedAt > p.recordedAt) continue;
        byGuard.set(p.guardId, p);
        changed.add(p.guardId);
      }
      for (const listener of listeners) listener();
    },
    takeChanged() {
      const ids = [...changed];
      changed = new Set();
      return ids;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
