"use client";
// The operator console: critical-alert banner with its alarm, live map with
// guards, alerts and the tenant's geofences, the alert queue and the guard list, and the connection
// state (the top navigation comes from the page frame). Keyboard shortcuts (`?` lists them) act
// on the queue, the map, the alarm and the guard search.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { NocMapRulesDto } from "@/server/contracts/noc-map";
import type { GeofenceDto } from "@/server/contracts/sites";
import type { MapFocus } from "../map/live-map";
import { ConnectionStatus } from "../realtime/connection-status";
import { AlertBanner } from "./alert-banner";
import { AlertQueue } from "./alert-queue";
import type { Operator } from "./alert-queue-item";
import { GuardList } from "./guard-list";
import { unacknowledgedCritical, type OpenAlert } from "./open-alerts";
import { createPositionStore } from "./position-store";
import { TourProgress } from "./tour-progress";
import { useActiveRuns } from "./use-active-runs";
import { useAlarm } from "./use-alarm";
import { useFences } from "./use-fences";
import { useLatestPositions } from "./use-latest-positions";
import { useLiveSocket } from "./use-live-socket";
import { ShortcutHelp } from "./shortcut-help";
import { useNocShortcuts } from "./use-noc-shortcuts";
import { useOpenAlerts } from "./use-open-alerts";

// Leaflet touches `window` on import: load the map in the browser only. Its code starts loading
// with this module, while the page hydrates and the positions load, not when the map first renders.
const loadLiveMap = () => import("../map/live-map");
if (typeof window !== "undefined") void loadLiveMap();
const LiveMap = dynamic(() => loadLiveMap().then((m) => m.LiveMap), {
  ssr: false,
  loading: () => (
    <div className="muted" style={{ padding: 16 }}>
      Loading map…
    </div>
  ),
});

/** How long what a shortcut did stays on screen. */
const ANNOUNCE_MS = 5000;

type Props = {
  initialAlerts: OpenAlert[];
  operator: Operator;
  fences: GeofenceDto[];
  mapRules: NocMapRulesDto;
  tileUrl: string | null;
  /** The place a "show on map" link opened the NOC on. */
  initialFocus: { lat: number; lon: number } | null;
};

export function NocConsole({ initialAlerts, operator, fences, mapRules, tileUrl, initialFocus }: Props) {
  const [store] = useState(() => createPositionStore([]));
  const positions = useLatestPositions(store);
  const feed = useOpenAlerts(initialAlerts);
  const live = useFences(fences);
  const runs = useActiveRuns();
  const connection = useLiveSocket(store, feed, live.reload, runs);
  const critical = useMemo(() => unacknowledgedCritical(feed.alerts), [feed.alerts]);
  const alarm = useAlarm({ ringing: critical.length > 0, operatorId: operator.userId });
  const [focus, setFocus] = useState<MapFocus | null>(initialFocus && { ...initialFocus, seq: 0 });
  const showOnMap = useCallback(({ lat, lon }: { lat: number | null; lon: number | null }) => {
    if (lat !== null && lon !== null) setFocus((f) => ({ lat, lon, seq: (f?.seq ?? 0) + 1 }));
  }, []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announced, setAnnounced] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!announced) return;
    const timer = setTimeout(() => setAnnounced(null), ANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [announced]);
  useNocShortcuts({
    alerts: feed.alerts,
    selectedId,
    select: setSelectedId,
    canAct: operator.role !== "manager",
    alarm,
    apply: feed.apply,
    showOnMap,
    toggleHelp: () => setHelpOpen((open) => !open),
    closeHelp: () => setHelpOpen(false),
    focusSearch: () => search.current?.focus(),
    announce: setAnnounced,
  });
  return (
    <div className="noc-page">
      <AlertBanner alerts={critical} alarm={alarm} apply={feed.apply} />
      <div className="noc">
        <div className="map-wrap" data-testid="map">
          <LiveMap
            focus={focus}
            store={store}
            positionsLoaded={positions !== "loading"}
            alerts={feed.alerts}
            fences={live.fences}
            rules={mapRules}
            tileUrl={tileUrl}
          />
          <ConnectionStatus state={connection} overlay />
          {announced && (
            <p className="noc-announce" role="status">
              {announced}
            </p>
          )}
          <button type="button" className="btn-ghost btn-small shortcut-hint" onClick={() => setHelpOpen(true)}>
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        <aside className="side">
          <AlertQueue
            alerts={feed.alerts}
            operator={operator}
            alarm={critical.length > 0 ? null : alarm}
            apply={feed.apply}
            selectedId={selectedId}
            onShowOnMap={showOnMap}
          />
          <TourProgress runs={runs.runs} />
          <GuardList store={store} load={positions} onLocate={showOnMap} searchRef={search} />
        </aside>
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
