// The live-connection indicator: a dot and a word, announced politely to
// screen readers. `overlay` floats it over a map.
import type { ConnectionState } from "./use-live-events";

const label = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

export function ConnectionStatus({ state, overlay = false }: { state: ConnectionState; overlay?: boolean }) {
  return (
    <span className={overlay ? "status status-overlay" : "status"} data-state={state} role="status" aria-live="polite">
      {label[state]}
    </span>
  );
}
