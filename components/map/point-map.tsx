"use client";
// A small map centred on one point (an alert's location), usable without tiles.
import { CircleMarker, MapContainer, TileLayer } from "react-leaflet";

export function PointMap({ lat, lon, tileUrl }: { lat: number; lon: number; tileUrl: string | null }) {
  return (
    <MapContainer center={[lat, lon]} zoom={16} preferCanvas style={{ height: "100%" }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
      <CircleMarker
        center={[lat, lon]}
        radius={10}
        pathOptions={{ color: "#0b1220", fillColor: "#ff5c5c", fillOpacity: 0.95 }}
      />
    </MapContainer>
  );
}
