// A geofence as the engine sees it: a polygon or a circle, with its buffer and
// confirmation rule, and how far a point is outside it (negative inside).
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, Polygon } from "geojson";

type FenceShape =
  | { kind: "polygon"; polygon: Feature<Polygon> }
  | { kind: "circle"; center: [lon: number, lat: number]; radiusM: number };

export type Fence = {
  id: string;
  siteId: string;
  shape: FenceShape;
  bufferM: number;
  /** Consecutive fixes clearly outside that confirm a violation. */
  confirmFixes: number;
  /** Or seconds clearly outside (null: fixes only). */
  confirmSeconds: number | null;
};

export type PreparedFence = Fence & {
  /** [minLon, minLat, maxLon, maxLat] of the shape. */
  bbox: [number, number, number, number];
};

const M_PER_DEG_LAT = 111_320;

export function prepareFence(fence: Fence): PreparedFence {
  if (fence.shape.kind === "circle") {
    const [lon, lat] = fence.shape.center;
    const dLat = fence.shape.radiusM / M_PER_DEG_LAT;
    const dLon = fence.shape.radiusM / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
    return { ...fence, bbox: [lon - dLon, lat - dLat, lon + dLon, lat + dLat] };
  }
  const ring = fence.shape.polygon.geometry.coordinates[0]!;
  const lons = ring.map((c) => c[0]!);
  const lats = ring.map((c) => c[1]!);
  return { ...fence, bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] };
}

const RAD = Math.PI / 180;

/** Shortest distance in metres from the origin to segment a-b, both in local metres. */
function toSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Metres from the point to the fence's edge: positive outside, negative (or zero) inside.
 * Containment is turf's; distances use a local equirectangular projection around the
 * fix (under 0.1% error at fence scales, and no allocation: this runs for every fix).
 */
export function metresOutside(fence: PreparedFence, lon: number, lat: number): number {
  const kx = M_PER_DEG_LAT * Math.cos(lat * RAD);
  if (fence.shape.kind === "circle") {
    const [cLon, cLat] = fence.shape.center;
    return Math.hypot((cLon - lon) * kx, (cLat - lat) * M_PER_DEG_LAT) - fence.shape.radiusM;
  }
  let nearest = Infinity;
  for (const ring of fence.shape.polygon.geometry.coordinates) {
    for (let i = 1; i < ring.length; i += 1) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      const d = toSegment(
        (a[0]! - lon) * kx,
        (a[1]! - lat) * M_PER_DEG_LAT,
        (b[0]! - lon) * kx,
        (b[1]! - lat) * M_PER_DEG_LAT,
      );
      if (d < nearest) nearest = d;
    }
  }
  return booleanPointInPolygon([lon, lat], fence.shape.polygon) ? -nearest : nearest;
}

/** Whether the point is inside the fence itself (no buffer): for enter and exit events. */
export function contains(fence: PreparedFence, lon: number, lat: number): boolean {
  return metresOutside(fence, lon, lat) <= 0;
}
