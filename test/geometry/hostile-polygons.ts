// Polygons that are expensive to validate, for the fence limits' tests and
// their measurement (scripts/bench/fence-validation-bench.ts). Each takes the
// number of points it should have (open ring; the schema closes it).
type Ring = [number, number][];

/** A regular polygon around a point: simple, the cheap case for a sweep. */
export function roundRing(points: number, [lon, lat] = [77.59, 12.97]): Ring {
  return Array.from({ length: points }, (_, i) => {
    const a = (2 * Math.PI * i) / points;
    return [lon + 0.01 * Math.cos(a), lat + 0.01 * Math.sin(a)];
  });
}

/** Long, almost parallel edges that all overlap in x and y and never cross: every pair must be tested. */
export function fanRing(points: number, [lon, lat] = [77.59, 12.97]): Ring {
  const teeth = Math.floor((points - 2) / 2);
  const step = 1e-6;
  const ring: Ring = [];
  for (let i = 0; i < teeth; i++) ring.push([lon, lat + i * step], [lon + 0.01, lat + 0.01 + i * step]);
  ring.push([lon + 0.01001, lat + 0.01 + points * step], [lon + 0.01001, lat - 0.001]);
  return ring;
}

/** A star polygon {points/k}: every edge crosses many others (half a million crossings at 1,000 points). */
export function starRing(points: number, [lon, lat] = [77.59, 12.97]): Ring {
  const k = Math.floor(points / 2) - 1;
  return Array.from({ length: points }, (_, i) => {
    const a = (2 * Math.PI * ((i * k) % points)) / points;
    return [lon + 0.01 * Math.cos(a), lat + 0.01 * Math.sin(a)];
  });
}

export const polygonFence = (ring: Ring) => ({ geometry: { type: "Polygon" as const, coordinates: [ring] } });
