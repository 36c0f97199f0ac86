"use client";
// The live map: one canvas renderer for every marker, guard position changes
// applied once per animation frame however many arrive (components/map/guard-layer.ts:
// guards coloured by state, clustered when zoomed out), and open alerts drawn
// on the same canvas above the guards (one canvas, so hovering finds both).
// The tenant's geofences are outlines in a pane underneath; a legend says
// what the colours mean and how many guards are in each state. The map opens
// while the guards' positions still load; guards and fences come in with them.
import L from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import type { GeofenceDto } from "@/server/contracts/sites";
import type { AlertDto, GuardPositionDto } from "@/server/contracts/socket-events";
import type { PositionStore } from "../noc/position-store";
import { AlertMarkers } from "./alert-markers";
import { FenceOutlines } from "./fence-outlines";
import { createGuardLayer, type DrawnMarker, type StateCounts } from "./guard-layer";
import { alertStates, guardState, type StateRules } from "./guard-state";
import { StateLegend } from "./state-legend";

const DEFAULT_CENTER: L.LatLngTuple = [12.9716, 77.5946];

/** For e2e tests and the map benchmark: the map, the position store and what is drawn. */
export type NocMapHook = { map: L.Map; store: PositionStore; drawn: () => DrawnMarker[] };
declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface merges into Window
  interface Window {
    vigilNoc?: NocMapHook;
  }
}

type GuardMarkersProps = {
  store: PositionStore;
  renderer: L.Canvas;
  alerts: AlertDto[];
  rules: StateRules;
  onCounts: (counts: StateCounts) => void;
  /** The page opened on a place ("show on map"): do not frame the guards or fences instead. */
  keepView: boolean;
};

function GuardMarkers({ store, renderer, alerts, rules, onCounts, keepView }: GuardMarkersProps) {
  const map = useMap();
  const fromAlerts = useMemo(() => alertStates(alerts, rules.deviceGuards), [alerts, rules]);
  const stateOf = useRef<(p: GuardPositionDto) => ReturnType<typeof guardState>>(() => "ok");
  const layer = useRef<ReturnType<typeof createGuardLayer> | null>(null);

  useEffect(() => {
    stateOf.current = (p) => guardState(p, fromAlerts.get(p.externalId), rules, Date.now());
    layer.current?.recheck();
  }, [fromAlerts, rules]);

  useEffect(() => {
    const first = [...store.all().values()];
    if (first.length > 0 && !keepView)
      map.fitBounds(L.latLngBounds(first.map((p) => [p.lat, p.lon])), {
        maxZoom: 16,
        padding: [40, 40],
        animate: false,
      });
    const created = createGuardLayer({ map, renderer, store, stateOf: (p) => stateOf.current(p), onCounts });
    layer.current = created;
    window.vigilNoc = { map, store, drawn: created.drawn };
    return () => {
      created.destroy();
      layer.current = null;
      delete window.vigilNoc;
    };
  }, [map, store, renderer, onCounts, keepView]);
  return null;
}

/** Guards and fences, once the positions have loaded: with no guard to frame, the map opens on the fences. */
function GuardsAndFences({ fences, ...markers }: GuardMarkersProps & { fences: GeofenceDto[] }) {
  const [fitFences] = useState(() => markers.store.all().size === 0 && !markers.keepView);
  return (
    <>
      <FenceOutlines fences={fences} fit={fitFences} />
      <GuardMarkers {...markers} />
    </>
  );
}

/** Where "show on map" asked the map to go; `seq` makes asking twice for one place move it again. */
export type MapFocus = { lat: number; lon: number; seq: number };

const FOCUS_ZOOM = 17;

/** Centres the map on the latest focus, close enough to see the street, with a ring that fades. */
function FocusOn({ focus, renderer }: { focus: MapFocus | null; renderer: L.Canvas }) {
  const map = useMap();
  useEffect(() => {
    if (!focus) return;
    map.setView([focus.lat, focus.lon], Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
    const ring = L.circleMarker([focus.lat, focus.lon], {
      renderer,
      radius: 22,
      color: "#4ea1ff",
      weight: 3,
      fill: false,
      interactive: false,
    }).addTo(map);
    const timer = setTimeout(() => ring.remove(), 4000);
    return () => {
      clearTimeout(timer);
      ring.remove();
    };
  }, [focus, map, renderer]);
  return null;
}

type Props = {
  focus: MapFocus | null;
  store: PositionStore;
  /** The positions have loaded (or failed to): show the guards. */
  positionsLoaded: boolean;
  alerts: AlertDto[];
  fences: GeofenceDto[];
  rules: StateRules;
  tileUrl: string | null;
};

export function LiveMap({ focus, store, positionsLoaded, alerts, fences, rules, tileUrl }: Props) {
  // A small margin beyond the view: every redraw clears and composites the whole canvas, which
  // costs in proportion to its area when the browser paints it in software.
  const renderer = useMemo(() => L.canvas({ padding: 0.2 }), []);
  const [counts, setCounts] = useState<StateCounts | null>(null);
  const [keepView] = useState(() => focus !== null);
  return (
    <>
      <MapContainer center={DEFAULT_CENTER} zoom={13} preferCanvas style={{ height: "100%" }}>
        {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
        {positionsLoaded && (
          <GuardsAndFences
            fences={fences}
            store={store}
            renderer={renderer}
            alerts={alerts}
            rules={rules}
            onCounts={setCounts}
            keepView={keepView}
          />
        )}
        <AlertMarkers alerts={alerts} renderer={renderer} />
        <FocusOn focus={focus} renderer={renderer} />
      </MapContainer>
      <StateLegend counts={counts} />
    </>
  );
}
