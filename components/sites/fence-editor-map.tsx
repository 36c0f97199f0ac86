"use client";
// The site editor's map: geoman's toolbar draws polygons, rectangles and
// circles, edits, drags and removes them. The editor's state is the truth:
// a drawn layer is turned into a fence and replaced by one drawn from state,
// and every edit is reported back, so the list beside the map and the map
// never disagree. Each fence's buffer is a dashed outline around it.
// Loaded in the browser only (geoman and Leaflet touch `window`).
import L from "leaflet";
import "@geoman-io/leaflet-geoman-free";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import { useEffect, useRef } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import { bufferLayer, fencePane, FENCE_COLOUR, shapeBounds, shapeLayer } from "../map/fence-outlines";
import { geoJsonRings, type FenceShape } from "../map/fence-shape";
import { plainText } from "../map/plain-text";
import type { FenceDraft } from "./site-draft";

const DEFAULT_CENTER: L.LatLngTuple = [12.9716, 77.5946];
const ERROR_COLOUR = "#ff5c5c";
const SELECTED_COLOUR = "#f5b942";

export type FenceMapProps = {
  fences: FenceDraft[];
  selected: string | null;
  invalid: ReadonlySet<string>;
  canEdit: boolean;
  tileUrl: string | null;
  onCreate: (shape: FenceShape) => void;
  onShape: (key: string, shape: FenceShape) => void;
  onRemove: (key: string) => void;
  onSelect: (key: string) => void;
};

/** The shape of a layer geoman drew or edited, or null for one that is not a fence (a line). */
function shapeFromLayer(layer: L.Layer): FenceShape | null {
  if (layer instanceof L.Circle) {
    const { lat, lng } = layer.getLatLng();
    return { kind: "circle", center: [lng, lat], radiusM: Math.round(layer.getRadius() * 10) / 10 };
  }
  if (layer instanceof L.Polygon) {
    const rings = layer.getLatLngs() as L.LatLng[][] | L.LatLng[][][];
    const outer = (Array.isArray(rings[0]?.[0]) ? rings[0] : rings) as L.LatLng[][];
    return { kind: "polygon", coordinates: geoJsonRings(outer) };
  }
  return null;
}

function colourOf(key: string, selected: string | null, invalid: ReadonlySet<string>): string {
  if (invalid.has(key)) return ERROR_COLOUR;
  return key === selected ? SELECTED_COLOUR : FENCE_COLOUR;
}

type Drawn = { layer: L.Path; shape: FenceShape };

function GeomanFences(props: Omit<FenceMapProps, "tileUrl">) {
  const { fences, selected, invalid, canEdit } = props;
  const map = useMap();
  const drawn = useRef(new Map<string, Drawn>());
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  // The toolbar and the map-wide events, once.
  useEffect(() => {
    if (!canEdit) return;
    map.pm.addControls({
      position: "topleft",
      drawMarker: false,
      drawCircleMarker: false,
      drawPolyline: false,
      drawText: false,
      cutPolygon: false,
      rotateMode: false,
    });
    map.pm.setGlobalOptions({ pathOptions: { color: FENCE_COLOUR }, snappable: true });
    const created = ({ layer }: { layer: L.Layer }) => {
      const shape = shapeFromLayer(layer);
      layer.remove(); // drawn again from the editor's state
      if (shape) handlers.current.onCreate(shape);
    };
    const removed = ({ layer }: { layer: L.Layer }) => {
      for (const [key, entry] of drawn.current) if (entry.layer === layer) handlers.current.onRemove(key);
    };
    map.on("pm:create", created);
    map.on("pm:remove", removed);
    return () => {
      map.off("pm:create", created);
      map.off("pm:remove", removed);
      map.pm.removeControls();
    };
  }, [map, canEdit]);

  // One editable layer per fence, replaced only when its shape changed elsewhere than on this map.
  useEffect(() => {
    const shown = drawn.current;
    const keys = new Set(fences.map((f) => f.key));
    for (const [key, entry] of shown) {
      if (keys.has(key)) continue;
      entry.layer.remove();
      shown.delete(key);
    }
    for (const fence of fences) {
      const known = shown.get(fence.key);
      if (known?.shape === fence.shape) continue;
      known?.layer.remove();
      const layer = shapeLayer(fence.shape, { weight: 2, fillOpacity: 0.12, pmIgnore: !canEdit });
      layer.bindTooltip(plainText(fence.name || "Unnamed fence"), { sticky: true });
      layer.on("click", () => handlers.current.onSelect(fence.key));
      layer.on("pm:edit", () => {
        const shape = shapeFromLayer(layer);
        if (!shape) return;
        const entry = shown.get(fence.key);
        if (entry) entry.shape = shape; // already on the map: keep this layer
        handlers.current.onShape(fence.key, shape);
      });
      layer.addTo(map);
      shown.set(fence.key, { layer, shape: fence.shape });
    }
  }, [map, fences, canEdit]);

  // Colours (selected, invalid) and names.
  useEffect(() => {
    for (const fence of fences) {
      const entry = drawn.current.get(fence.key);
      if (!entry) continue;
      const colour = colourOf(fence.key, selected, invalid);
      entry.layer.setStyle({ color: colour, fillColor: colour });
      entry.layer.setTooltipContent(plainText(fence.name || "Unnamed fence"));
    }
  }, [fences, selected, invalid]);

  // Buffers, dashed, under the fences.
  useEffect(() => {
    const pane = fencePane(map);
    const group = L.layerGroup();
    for (const fence of fences) {
      const bufferM = Number(fence.bufferM);
      const colour = colourOf(fence.key, selected, invalid);
      const layer = bufferLayer(fence.shape, Number.isFinite(bufferM) ? bufferM : 0, { pane, color: colour });
      if (layer) group.addLayer(layer);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, fences, selected, invalid]);

  // Frame the site's fences when the editor opens.
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current) return;
    framed.current = true;
    const bounds = L.latLngBounds([]);
    for (const { shape } of drawn.current.values()) bounds.extend(shapeBounds(shape));
    if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 18, padding: [30, 30], animate: false });
  }, [map]);

  // Remove every layer when the map goes.
  useEffect(() => {
    const shown = drawn.current;
    return () => {
      for (const { layer } of shown.values()) layer.remove();
      shown.clear();
    };
  }, [map]);
  return null;
}

export function FenceEditorMap({ tileUrl, ...props }: FenceMapProps) {
  return (
    <MapContainer center={DEFAULT_CENTER} zoom={15} style={{ height: "100%" }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
      <GeomanFences {...props} />
    </MapContainer>
  );
}
