"use client";
// The replay map: the guard's sites' fences, the track as a line with the
// fixes flagged outside a fence in red, each recorded violation as a red ring,
// and the replay marker with its time. Loaded in the browser only.
import L from "leaflet";
import { memo, useEffect } from "react";
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip, useMap } from "react-leaflet";
import type { LocationDto } from "@/server/contracts/api";
import type { GeofenceDto } from "@/server/contracts/sites";
import { FenceOutlines, shapeBounds } from "../map/fence-outlines";
import { shapeOf } from "../map/fence-shape";
import type { OutsideRun } from "./replay";
import type { ViolationView } from "./violation-list";

const DEFAULT_CENTER: L.LatLngTuple = [12.9716, 77.5946];
const TRACK_COLOUR = "#3ecf8e";
const OUTSIDE_COLOUR = "#ff5c5c";

const NEARBY_M = 5_000;

type TrackProps = { fixes: LocationDto[]; runs: OutsideRun[]; fences: GeofenceDto[] };

/** The track's bounds grown to take in the fences near it (a far-away site of the guard's would shrink the track). */
function frame(map: L.Map, fixes: LocationDto[], fences: GeofenceDto[]): L.LatLngBounds {
  const bounds = L.latLngBounds(fixes.map((f) => [f.lat, f.lon]));
  const centre = bounds.getCenter();
  for (const fence of fences) {
    const around = shapeBounds(shapeOf(fence));
    if (map.distance(centre, around.getCenter()) < NEARBY_M) bounds.extend(around);
  }
  return bounds;
}

const Track = memo(function Track({ fixes, runs, fences }: TrackProps) {
  const map = useMap();
  useEffect(() => {
    if (fixes.length === 0) return;
    // No animation: Leaflet drops a fit asked for while another zoom animates (the fences fit first).
    map.fitBounds(frame(map, fixes, fences), { maxZoom: 18, padding: [30, 30], animate: false });
  }, [map, fixes, fences]);
  const line = fixes.map((f): L.LatLngTuple => [f.lat, f.lon]);
  return (
    <>
      <Polyline positions={line} pathOptions={{ color: TRACK_COLOUR, weight: 3, opacity: 0.85 }} />
      {runs.map((run) => (
        <Polyline
          key={`run-${run.first}`}
          positions={line.slice(run.first, run.last + 1)}
          pathOptions={{ color: OUTSIDE_COLOUR, weight: 4 }}
        />
      ))}
      {fixes.map((f, i) =>
        f.geofenceViolation ? (
          <CircleMarker
            key={i}
            center={[f.lat, f.lon]}
            radius={4}
            pathOptions={{ color: OUTSIDE_COLOUR, fillColor: OUTSIDE_COLOUR, fillOpacity: 1, weight: 1 }}
          />
        ) : null,
      )}
    </>
  );
});

const Violations = memo(function Violations({ violations }: { violations: ViolationView[] }) {
  return violations.map((v) => (
    <CircleMarker
      key={v.id}
      center={[v.lat, v.lon]}
      radius={11}
      pathOptions={{ color: OUTSIDE_COLOUR, weight: 3, fill: false }}
    >
      <Tooltip>
        {v.fenceName}: {Math.round(v.metresOutside)} m outside (±{Math.round(v.accuracyM)} m)
      </Tooltip>
    </CircleMarker>
  ));
});

type Props = {
  fixes: LocationDto[];
  runs: OutsideRun[];
  violations: ViolationView[];
  fences: GeofenceDto[];
  position: { lat: number; lon: number } | null;
  outside: boolean;
  timeLabel: string;
  tileUrl: string | null;
};

export function ReplayMap({ fixes, runs, violations, fences, position, outside, timeLabel, tileUrl }: Props) {
  return (
    <MapContainer center={DEFAULT_CENTER} zoom={15} preferCanvas style={{ height: "100%" }}>
      {tileUrl && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap contributors" />}
      <FenceOutlines fences={fences} fit={fixes.length === 0} />
      <Track fixes={fixes} runs={runs} fences={fences} />
      <Violations violations={violations} />
      {position && (
        <CircleMarker
          center={[position.lat, position.lon]}
          radius={8}
          pathOptions={{ color: "#ffffff", weight: 2, fillColor: outside ? OUTSIDE_COLOUR : "#4ea1ff", fillOpacity: 1 }}
        >
          <Tooltip permanent direction="top" offset={[0, -10]} className="replay-time">
            {timeLabel}
          </Tooltip>
        </CircleMarker>
      )}
    </MapContainer>
  );
}
