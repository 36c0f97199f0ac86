"use client";
// Open alerts with a location as red markers on the map's canvas, kept in
// front of the guards' markers. Unacknowledged ones are larger, with a white ring.
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import type { AlertDto } from "@/server/contracts/socket-events";
import { plainText } from "./plain-text";

function style(alert: AlertDto): L.CircleMarkerOptions {
  const fresh = alert.status === "NEW";
  return { radius: fresh ? 10 : 8, color: fresh ? "#ffffff" : "#0b1220", weight: fresh ? 3 : 1.5 };
}

const label = (a: AlertDto) => `${a.type.toUpperCase()}: ${a.sourceName || a.sourceExternalId} (${a.sourceExternalId})`;

export function AlertMarkers({ alerts, renderer }: { alerts: AlertDto[]; renderer: L.Canvas }) {
  const map = useMap();
  const markers = useRef(new Map<string, L.CircleMarker>());

  useEffect(() => {
    const shown = markers.current;
    return () => {
      for (const marker of shown.values()) marker.remove();
      shown.clear();
    };
  }, [map, renderer]);

  useEffect(() => {
    const shown = markers.current;
    const located = new Map(alerts.filter((a) => a.lat !== null && a.lon !== null).map((a) => [a.id, a]));
    for (const [id, marker] of shown) {
      if (located.has(id)) continue;
      marker.remove();
      shown.delete(id);
    }
    for (const [id, alert] of located) {
      const at: L.LatLngTuple = [alert.lat!, alert.lon!];
      const marker = shown.get(id);
      if (marker) {
        marker
          .setLatLng(at)
          .setStyle(style(alert))
          .setTooltipContent(plainText(label(alert)));
        continue;
      }
      const created = L.circleMarker(at, { renderer, fillColor: "#ff5c5c", fillOpacity: 0.95, ...style(alert) });
      created.bindTooltip(plainText(label(alert))).addTo(map);
      shown.set(id, created);
    }
    for (const marker of shown.values()) marker.bringToFront();
  }, [alerts, map, renderer]);
  return null;
}
