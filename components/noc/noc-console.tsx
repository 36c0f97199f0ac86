"use client";
// The operator console: live map, guard list and connection state (the
// top navigation comes from the page frame).
import dynamic from "next/dynamic";
import { useMemo } from "react";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { ConnectionStatus } from "../realtime/connection-status";
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

type Props = { initialPositions: GuardPositionDto[]; tileUrl: string | null };

export function NocConsole({ initialPositions, tileUrl }: Props) {
  const store = useMemo(() => createPositionStore(initialPositions), [initialPositions]);
  const connection = useLiveSocket(store);
  return (
    <div className="noc">
      <div className="map-wrap" data-testid="map">
        <LiveMap store={store} tileUrl={tileUrl} />
        <ConnectionStatus state={connection} overlay />
      </div>
      <aside className="side">
        <GuardList store={store} />
      </aside>
    </div>
  );
}
