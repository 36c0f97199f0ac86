// A static spatial index (flatbush) over one tenant's fences, each box grown
// by its buffer: which fences could a fix with this accuracy touch?
import Flatbush from "flatbush";
import type { PreparedFence } from "./fence";

const M_PER_DEG_LAT = 111_320;

export type FenceIndex<F extends PreparedFence = PreparedFence> = {
  size: number;
  near: (lon: number, lat: number, radiusM: number) => F[];
};

function degrees(metres: number, lat: number): { dLat: number; dLon: number } {
  return { dLat: metres / M_PER_DEG_LAT, dLon: metres / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)) };
}

export function buildFenceIndex<F extends PreparedFence>(fences: F[]): FenceIndex<F> {
  if (fences.length === 0) return { size: 0, near: () => [] };
  const index = new Flatbush(fences.length);
  for (const fence of fences) {
    const [minLon, minLat, maxLon, maxLat] = fence.bbox;
    const { dLat, dLon } = degrees(fence.bufferM, (minLat + maxLat) / 2);
    index.add(minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat);
  }
  index.finish();
  return {
    size: fences.length,
    near(lon, lat, radiusM) {
      const { dLat, dLon } = degrees(radiusM, lat);
      return index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat).map((i) => fences[i]!);
    },
  };
}
