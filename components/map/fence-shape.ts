// A geofence's shape as the maps draw it (GeoJSON order, [lon, lat]) and the
// outline of the fence grown by its buffer: the line a guard must cross, with
// the whole accuracy circle, before a fix counts as outside.
import buffer from "@turf/buffer";
import type { GeofenceDto } from "@/server/contracts/sites";

export type FenceShape =
  { kind: "polygon"; coordinates: number[][][] } | { kind: "circle"; center: [number, number]; radiusM: number };

/** The buffer's outline: a wider circle, or the polygon grown outwards (several rings if it splits). */
export type BufferOutline =
  { kind: "circle"; center: [number, number]; radiusM: number } | { kind: "polygons"; coordinates: number[][][][] };

export function shapeOf(fence: Pick<GeofenceDto, "geometry" | "circle">): FenceShape {
  if (fence.circle) return { kind: "circle", center: fence.circle.center, radiusM: fence.circle.radiusM };
  return { kind: "polygon", coordinates: fence.geometry?.coordinates ?? [] };
}

export function bufferOutline(shape: FenceShape, bufferM: number): BufferOutline | null {
  if (!(bufferM > 0)) return null;
  if (shape.kind === "circle") return { kind: "circle", center: shape.center, radiusM: shape.radiusM + bufferM };
  if ((shape.coordinates[0]?.length ?? 0) < 4) return null;
  const grown = buffer({ type: "Polygon", coordinates: shape.coordinates }, bufferM, { units: "meters", steps: 8 });
  if (!grown) return null;
  const { geometry } = grown;
  return {
    kind: "polygons",
    coordinates: geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates,
  };
}

/** GeoJSON rings ([lon, lat]) as Leaflet lat/lng rings. */
export function latLngRings(rings: number[][][]): [number, number][][] {
  return rings.map((ring) => ring.map(([lon, lat]) => [lat!, lon!] as [number, number]));
}

/** Leaflet lat/lng rings as closed GeoJSON rings. */
export function geoJsonRings(rings: { lat: number; lng: number }[][]): number[][][] {
  return rings.map((ring) => {
    const coordinates = ring.map(({ lat, lng }) => [lng, lat]);
    const [first] = coordinates;
    const last = coordinates.at(-1);
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) coordinates.push(first);
    return coordinates;
  });
}
