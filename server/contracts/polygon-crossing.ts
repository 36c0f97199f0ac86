// The first place a polygon's edges cross or touch, or null. Same rule as
// @turf/kinks (edges that meet other than at their shared vertex, collinear
// overlaps not counted), but it stops at the first crossing and tests only
// edges whose x ranges overlap (sort and sweep): kinks tests every pair and
// collects every crossing, which a 1,000-point star turns into half a million
// points and most of a second of a blocked event loop. The worst case (every
// edge spans the same x range and none cross) still tests every pair: the
// vertex limits in sites.ts bound it (docs/security.md has the figure).
type Position = number[];

export function findPolygonCrossing(rings: Position[][]): [number, number] | null {
  const count = rings.reduce((n, ring) => n + Math.max(ring.length - 1, 0), 0);
  // Per edge: its end points, its ring, its place on the ring and the ring's last edge (-1: the ring is open).
  const ax = new Float64Array(count);
  const ay = new Float64Array(count);
  const bx = new Float64Array(count);
  const by = new Float64Array(count);
  const ring = new Int32Array(count);
  const place = new Int32Array(count);
  const last = new Int32Array(count);
  let n = 0;
  rings.forEach((points, r) => {
    const closed = points.length > 1 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1];
    for (let i = 0; i < points.length - 1; i++, n++) {
      [ax[n], ay[n]] = points[i]! as [number, number];
      [bx[n], by[n]] = points[i + 1]! as [number, number];
      ring[n] = r;
      place[n] = i;
      last[n] = closed ? points.length - 2 : -1;
    }
  });
  const minX = (e: number) => Math.min(ax[e]!, bx[e]!);
  const order = Int32Array.from({ length: count }, (_, e) => e).sort((e, f) => minX(e) - minX(f));

  const adjacent = (e: number, f: number) => {
    if (ring[e] !== ring[f]) return false;
    const lo = Math.min(place[e]!, place[f]!);
    const hi = Math.max(place[e]!, place[f]!);
    return hi - lo === 1 || (lo === 0 && hi === last[e]);
  };
  const meet = (e: number, f: number): [number, number] | null => {
    const ex = bx[e]! - ax[e]!;
    const ey = by[e]! - ay[e]!;
    const fx = bx[f]! - ax[f]!;
    const fy = by[f]! - ay[f]!;
    const denominator = fy * ex - fx * ey;
    if (denominator === 0) return null;
    const dy = ay[e]! - ay[f]!;
    const dx = ax[e]! - ax[f]!;
    const a = (fx * dy - fy * dx) / denominator;
    const b = (ex * dy - ey * dx) / denominator;
    if (a < 0 || a > 1 || b < 0 || b > 1) return null;
    return [ax[e]! + a * ex, ay[e]! + a * ey];
  };

  for (let i = 0; i < count; i++) {
    const e = order[i]!;
    const maxX = Math.max(ax[e]!, bx[e]!);
    const minY = Math.min(ay[e]!, by[e]!);
    const maxY = Math.max(ay[e]!, by[e]!);
    for (let j = i + 1; j < count; j++) {
      const f = order[j]!;
      if (minX(f) > maxX) break;
      if (Math.max(ay[f]!, by[f]!) < minY || Math.min(ay[f]!, by[f]!) > maxY || adjacent(e, f)) continue;
      const crossing = meet(e, f);
      if (crossing) return crossing;
    }
  }
  return null;
}
