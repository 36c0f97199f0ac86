"use client";
// The operator console: critical-alert banner with its alarm, live map with
// guards, alerts and the tenant's geofences, the alert queue and the guard list, and the connection
// state (the top navigation comes from the page frame).
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import type { NocMapRulesDto } from "@/server/contracts/noc-map";
import type { GeofenceDto } from "@/server/contracts/sites";
import { ConnectionStatus } from "../realtime/connection-status";
import { AlertBanner } from "./alert-banner";
import { AlertQueue } from "./alert-queue";
import type { Operator } from "./alert-queue-item";
import { GuardList } from "./guard-list";
import { unacknowledgedCritical, type OpenAlert } from "./open-alerts";
import { createPositionStore } from "./position-store";
import { useAlarm } from "./use-alarm";
import { useFences } from "./use-fences";
import { useLatestPositions } from "./use-latest-positions";
import { useLiveSocket } from "./use-live-socket";
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

type Props = {
  initialAlerts: OpenAlert[];
  operator: Operator;
  fences: GeofenceDto[];
  mapRules: NocMapRulesDto;
  tileUrl: string | null;
};

export function NocConsole({ initialAlerts, operator, fences, mapRules, tileUrl }: Props) {
  const [store] = useState(() => createPositionStore([]));
  const positions = useLatestPositions(store);
  const feed = useOpenAlerts(initialAlerts);
  const live = useFences(fences);
  const connection = useLiveSocket(store, feed, live.reload);
  const critical = useMemo(() => unacknowledgedCritical(feed.alerts), [feed.alerts]);
  const alarm = useAlarm({ ringing: critical.length > 0, operatorId: operator.userId });
  return (
    <div className="noc-page">
      <AlertBanner alerts={critical} alarm={alarm} apply={feed.apply} />
      <div className="noc">
        <div className="map-wrap" data-testid="map">
          <LiveMap
            store={store}
            positionsLoaded={positions !== "loading"}
            alerts={feed.alerts}
            fences={live.fences}
            rules={mapRules}
            tileUrl={tileUrl}
          />
          <ConnectionStatus state={connection} overlay />
        </div>
        <aside className="side">
          <AlertQueue
            alerts={feed.alerts}
            operator={operator}
            alarm={critical.length > 0 ? null : alarm}
            apply={feed.apply}
          />
          <GuardList store={store} load={positions} />
        </aside>
      </div>
    </div>
  );
}
