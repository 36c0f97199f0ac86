"use client";
// The operator console: live map, guard list and connection state.
import dynamic from "next/dynamic";
import { useMemo } from "react";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { GuardList } from "./guard-list";
import { createPositionStore } from "./position-store";
import { useLiveSocket } from "./use-live-socket";

// Leaflet touches `window` on import: load the map in the browser only.
const LiveMap = dynamic(() => import("../map/live-map").then((m) => m.LiveMap), {
  ssr: false,
  loading: () => (
    <div className="muted" style={{ padding: 16 }}>
      Loading map…
    </div>
  ),
});

type Props = {
  initialPositions: GuardPositionDto[];
  tileUrl: string | null;
  userEmail: string;
  signOut: () => Promise<void>;
};

const stateLabel = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

export function NocConsole({ initialPositions, tileUrl, userEmail, signOut }: Props) {
  const store = useMemo(() => createPositionStore(initialPositions), [initialPositions]);
  const connection = useLiveSocket(store);
  return (
    <div className="noc">
      <header className="topbar">
        <span className="brand">VIGIL NOC</span>
        <span className="status" data-state={connection} role="status" aria-live="polite">
          {stateLabel[connection]}
        </span>
        <span className="spacer" />
        <span className="muted">{userEmail}</span>
        <form action={signOut}>
          <button className="btn-ghost" type="submit">
            Sign out
          </button>
        </form>
      </header>
      <div className="noc-main">
        <div className="map-wrap" data-testid="map">
          <LiveMap store={store} tileUrl={tileUrl} />
        </div>
        <aside className="side">
          <GuardList store={store} />
        </aside>
      </div>
    </div>
  );
}
