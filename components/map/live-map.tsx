"use client";
// The live map: one canvas renderer for every marker, guard position changes
// applied once per animation frame however many arrive, and open alerts drawn
// on the same canvas above the guards (one canvas, so hovering finds both).
import L from "leaflet";
import { useEffect, useMemo } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import type { AlertDto } from "@/server/contracts/socket-events";
import type { PositionStore } from "../noc/position-store";
import { AlertMarkers } from "./alert-markers";

const DEFAULT_CENTER: L.LatLngTuple = [12.9716, 77.5946];

function GuardMarkers({ store, renderer }: { store: PositionStore; renderer: L.Canvas }) {
  const map = useMap();
  useEffect(() => {
    const markers = new Map<string, L.CircleMarker>();
    let frame = 0;

    const apply = () => {
      frame = 0;
      const all = store.all();
      for (const id of store.takeChanged()) {
        const p = all.get(id);
        if (!p) continue;
        const marker = markers.get(id);
        if (marker) {
          marker.setLatLng([p.lat, p.lon]);
        } else {
          const created = L.circleMarker([p.lat, p.lon], {
            renderer,
            radius: 6,
            color: "#0b1220",
            weight: 1.5,
            fillColor: "#3ecf8e",
            fillOpacity: 0.95,
          }).bindTooltip(`${p.name} (${p.externalId})`);
          created.addTo(map);
          created.bringToBack(); // alert markers stay on top
          markers.set(id, created);
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
      for (const marker of markers.values()) marker.remove();
    };
  }, [map, store, renderer]);
  return null;
}

type Props = { store: PositionStore; alerts: AlertDto[]; tileUrl: string | null };

export function LiveMap({ store, alerts, tileUrl }: Props) {
  const renderer = useMemo(() => L.canvas({ padding: 0.5 }), []);
  return (
    <MapContainer center={DEFAULT_CENTER} zoom={13} preferCanvas style={{ height: "100%" }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
      <GuardMarkers store={store} renderer={renderer} />
      <AlertMarkers alerts={alerts} renderer={renderer} />
    </MapContainer>
  );
}
