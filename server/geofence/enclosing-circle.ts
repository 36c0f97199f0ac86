// The circle an app with only circular regions (OwnTracks) can watch for a
// fence: a circle fence is itself; a polygon becomes the circle around its
// vertices' mean that reaches its farthest vertex, so being inside the fence
// always means being inside the region (the region may be larger).
import type { Polygon } from "geojson";

export type FenceGeometry =
  { kind: "circle"; centerLon: number; centerLat: number; radiusM: number } | { kind: "polygon"; polygon: Polygon };

export type Circle = { lat: number; lon: number; radiusM: number };

const M_PER_DEG_LAT = 111_320;
const RAD = Math.PI / 180;

export function enclosingCircle(fence: FenceGeometry): Circle {
  if (fence.kind === "circle") return { lat: fence.centerLat, lon: fence.centerLon, radiusM: fence.radiusM };
  const outer = fence.polygon.coordinates[0] ?? [];
  // A closed ring repeats its first vertex last: count it once.
  const vertices = outer.length > 1 ? outer.slice(0, -1) : outer;
  const lon = vertices.reduce((sum, v) => sum + v[0]!, 0) / vertices.length;
  const lat = vertices.reduce((sum, v) => sum + v[1]!, 0) / vertices.length;
  const kx = M_PER_DEG_LAT * Math.cos(lat * RAD);
  const radiusM = Math.max(...vertices.map((v) => Math.hypot((v[0]! - lon) * kx, (v[1]! - lat) * M_PER_DEG_LAT)));
  return { lat, lon, radiusM };
}
