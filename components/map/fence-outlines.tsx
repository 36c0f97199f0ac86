"use client";
// Geofences drawn read-only: the fence's outline and, dashed around it, the
// outline of fence plus buffer. They sit in their own pane under the markers
// and take no pointer events, so the markers' tooltips still work.
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import type { GeofenceDto } from "@/server/contracts/sites";
import { bufferOutline, latLngRings, shapeOf, type FenceShape } from "./fence-shape";

export const FENCE_COLOUR = "#4ea1ff";
const FENCES_PANE = "fences";

/** The pane under the overlay pane (400) that fences are drawn in. */
export function fencePane(map: L.Map): string {
  if (!map.getPane(FENCES_PANE)) {
    const pane = map.createPane(FENCES_PANE);
    pane.style.zIndex = "350";
    pane.style.pointerEvents = "none";
  }
  return FENCES_PANE;
}

/** The dashed line of fence plus buffer (none when the buffer is 0). */
export function bufferLayer(shape: FenceShape, bufferM: number, options: L.PathOptions): L.Layer | null {
  const outline = bufferOutline(shape, bufferM);
  if (!outline) return null;
  // pmIgnore: the drawing tools in the site editor must not offer to edit or remove a buffer.
  const style: L.PathOptions = {
    weight: 1.5,
    dashArray: "6 6",
    fill: false,
    interactive: false,
    pmIgnore: true,
    ...options,
  };
  if (outline.kind === "circle") {
    const [lon, lat] = outline.center;
    return L.circle([lat, lon], { ...style, radius: outline.radiusM });
  }
  return L.polygon(outline.coordinates.map(latLngRings), style);
}

export function shapeLayer(shape: FenceShape, options: L.PathOptions): L.Path {
  if (shape.kind === "circle") {
    const [lon, lat] = shape.center;
    return L.circle([lat, lon], { ...options, radius: shape.radiusM });
  }
  return L.polygon(latLngRings(shape.coordinates), options);
}

/** A shape's bounds without putting it on a map (a circle's bounds need one in Leaflet). */
export function shapeBounds(shape: FenceShape): L.LatLngBounds {
  if (shape.kind === "circle") {
    const [lon, lat] = shape.center;
    return L.latLng(lat, lon).toBounds(shape.radiusM * 2);
  }
  return L.latLngBounds(latLngRings(shape.coordinates).flat());
}

export function FenceOutlines({ fences, fit = false }: { fences: GeofenceDto[]; fit?: boolean }) {
  const map = useMap();
  useEffect(() => {
    const pane = fencePane(map);
    const group = L.featureGroup();
    for (const fence of fences) {
      const shape = shapeOf(fence);
      const style = { pane, color: FENCE_COLOUR, interactive: false, pmIgnore: true };
      group.addLayer(shapeLayer(shape, { ...style, weight: 2, fillOpacity: 0.06 }));
      const buffered = bufferLayer(shape, fence.bufferM, { ...style, opacity: 0.7 });
      if (buffered) group.addLayer(buffered);
    }
    group.addTo(map);
    if (fit && fences.length > 0) {
      const bounds = L.latLngBounds([]);
      for (const fence of fences) bounds.extend(shapeBounds(shapeOf(fence)));
      // No animation: a fit while a zoom animation runs is dropped by Leaflet.
      map.fitBounds(bounds, { maxZoom: 17, padding: [30, 30], animate: false });
    }
    return () => {
      group.remove();
    };
  }, [map, fences, fit]);
  return null;
}
