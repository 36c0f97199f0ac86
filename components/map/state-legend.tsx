"use client";
// What the guards' colours mean on the NOC map, with how many guards are in
// each state now. Clusters take their worst member's colour.
import { GUARD_STATES, STATE_COLOURS, STATE_LABELS } from "./guard-state";
import type { StateCounts } from "./guard-layer";

export function StateLegend({ counts }: { counts: StateCounts | null }) {
  return (
    <ul className="map-legend" aria-label="Guard states">
      {GUARD_STATES.map((state) => (
        <li key={state} data-state={state}>
          <span className="swatch" style={{ background: STATE_COLOURS[state] }} aria-hidden />
          {STATE_LABELS[state]}
          <span className="count">{counts?.[state] ?? 0}</span>
        </li>
      ))}
      <li className="muted">Rings: a group&apos;s worst state</li>
    </ul>
  );
}
