"use client";
// The live map: one canvas renderer for every marker, guard position changes
// applied once per animation frame however many arrive, and open alerts drawn
// on the same canvas above the guards (one canvas, so hovering finds both).
// A guard with an open geofence violation is drawn in the alert colour. The
// tenant's geofences are outlines in a pane underneath.
import L from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import type { GeofenceDto } from "@/server/contracts/sites";
import type { AlertDto } from "@/server/contracts/socket-events";
import type { PositionStore } from "../noc/position-store";
import { AlertMarkers } from "./alert-markers";
import { plainText } from "./plain-text";
import { FenceOutlines } from "./fence-outlines";

const DEFAULT_CENTER: L.LatLngTuple = [12.9716, 77.5946];
export const GUARD_COLOUR = "#3ecf8e";
export const ALERT_COLOUR = "#ff5c5c";
/** The alert type the geofence engine raises, with the guard as its source. */
export const GEOFENCE_ALERT = "geofence-violation";

const guardFill = (alerting: boolean) => ({ fillColor: alerting ? ALERT_COLOUR : GUARD_COLOUR });

type GuardMarkersProps = { store: PositionStore; renderer: L.Canvas; alerting: ReadonlySet<string> };

function GuardMarkers({ store, renderer, alerting }: GuardMarkersProps) {
  const map = useMap();
  const markers = useRef(new Map<string, { marker: L.CircleMarker; externalId: string }>());
  const alertingNow = useRef(alerting);

  useEffect(() => {
    alertingNow.current = alerting;
    for (const { marker, externalId } of markers.current.values()) marker.setStyle(guardFill(alerting.has(externalId)));
  }, [alerting]);

  useEffect(() => {
    const shown = markers.current;
    let frame = 0;

    const apply = () => {
      frame = 0;
      const all = store.all();
      for (const id of store.takeChanged()) {
        const p = all.get(id);
        if (!p) continue;
        const known = shown.get(id);
        if (known) {
          known.marker.setLatLng([p.lat, p.lon]);
        } else {
          const created = L.circleMarker([p.lat, p.lon], {
            renderer,
            radius: 6,
            color: "#0b1220",
            weight: 1.5,
            fillOpacity: 0.95,
            ...guardFill(alertingNow.current.has(p.externalId)),
          }).bindTooltip(plainText(`${p.name} (${p.externalId})`));
          created.addTo(map);
          created.bringToBack(); // alert markers stay on top
          shown.set(id, { marker: created, externalId: p.externalId });
        }
      }
    };

    apply();
    const first = [...store.all().values()];
    if (first.length > 0)
      map.fitBounds(L.latLngBounds(first.map((p) => [p.lat, p.lon])), { maxZoom: 16, padding: [40, 40] });
    const unsubscribe = store.subscribe(() => {
      frame ||= requestAnimationFrame(apply);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      for (const { marker } of shown.values()) marker.remove();
      shown.clear();
    };
  }, [map, store, renderer]);
  return null;
}

type Props = { store: PositionStore; alerts: AlertDto[]; fences: GeofenceDto[]; tileUrl: string | null };

export function LiveMap({ store, alerts, fences, tileUrl }: Props) {
  const renderer = useMemo(() => L.canvas({ padding: 0.5 }), []);
  // With no guard to frame yet, the map opens on the fences.
  const [fitFences] = useState(() => store.all().size === 0);
  const alerting = useMemo(
    () => new Set(alerts.filter((a) => a.type === GEOFENCE_ALERT).map((a) => a.sourceExternalId)),
    [alerts],
  );
  return (
    <MapContainer center={DEFAULT_CENTER} zoom={13} preferCanvas style={{ height: "100%" }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
      <FenceOutlines fences={fences} fit={fitFences} />
      <GuardMarkers store={store} renderer={renderer} alerting={alerting} />
      <AlertMarkers alerts={alerts} renderer={renderer} />
    </MapContainer>
  );
}
