// The first place a polygon's edges cross or touch, or null. Same rule as
// @turf/kinks (edges that meet other than at their shared vertex, collinear
// overlaps not counted), but it stops at the first crossing and tests only
// edges whose ranges overlap along the polygon's longer side (sort and
// sweep): kinks tests every pair and collects every crossing, which a
// 1,000-point star turns into half a million points and most of a second of a
// blocked event loop. Shapes made so that every edge overlaps every other
// still need every pair tested: the caller gives a budget of pair tests
// (shared by a request's fences), and past it the answer is "too complex".
type Position = number[];

/** Pair tests left for this request; decremented as they are made. */
export type CrossingBudget = { pairs: number };

type Edge = { ax: number; ay: number; bx: number; by: number; ring: number; place: number; last: number };

function edgesOf(rings: Position[][]): Edge[] {
  const edges: Edge[] = [];
  rings.forEach((points, ring) => {
    const closed = points.length > 1 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1];
    const last = closed ? points.length - 2 : -1;
    for (let place = 0; place < points.length - 1; place++) {
      const [ax, ay] = points[place] as [number, number];
      const [bx, by] = points[place + 1] as [number, number];
      edges.push({ ax, ay, bx, by, ring, place, last });
    }
  });
  return edges;
}

/** Whether the polygon is taller than wide: then the sweep runs along y (x and y swap roles). */
function taller(edges: Edge[]): boolean {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { ax, ay } of edges)
    [x0, x1, y0, y1] = [Math.min(x0, ax), Math.max(x1, ax), Math.min(y0, ay), Math.max(y1, ay)];
  return y1 - y0 > x1 - x0;
}

export function findPolygonCrossing(
  rings: Position[][],
  budget: CrossingBudget = { pairs: Number.POSITIVE_INFINITY },
): [number, number] | null | "too complex" {
  const edges = edgesOf(rings);
  const swap = taller(edges);
  if (swap) for (const e of edges) [e.ax, e.ay, e.bx, e.by] = [e.ay, e.ax, e.by, e.bx];
  edges.sort((e, f) => Math.min(e.ax, e.bx) - Math.min(f.ax, f.bx));
  // Flat arrays in sweep order: the pair loop below runs up to n²/2 times and must not chase objects.
  const n = edges.length;
  const [ax, ay, bx, by, minX, maxX, minY, maxY] = Array.from({ length: 8 }, () => new Float64Array(n));
  const ring = new Int32Array(n);
  const place = new Int32Array(n);
  const last = new Int32Array(n);
  edges.forEach((e, i) => {
    [ax![i], ay![i], bx![i], by![i]] = [e.ax, e.ay, e.bx, e.by];
    [minX![i], maxX![i]] = [Math.min(e.ax, e.bx), Math.max(e.ax, e.bx)];
    [minY![i], maxY![i]] = [Math.min(e.ay, e.by), Math.max(e.ay, e.by)];
    [ring[i], place[i], last[i]] = [e.ring, e.place, e.last];
  });
  for (let i = 0; i < n; i++) {
    const ex = bx![i]! - ax![i]!;
    const ey = by![i]! - ay![i]!;
    let j = i + 1;
    for (; j < n; j++) {
      if (minX![j]! > maxX![i]!) break;
      if (maxY![j]! < minY![i]! || minY![j]! > maxY![i]!) continue;
      if (ring[i] === ring[j]) {
        // Neighbours on one ring meet at their shared vertex by construction.
        const gap = Math.abs(place[i]! - place[j]!);
        if (gap === 1 || (gap === last[i] && Math.min(place[i]!, place[j]!) === 0)) continue;
      }
      const fx = bx![j]! - ax![j]!;
      const fy = by![j]! - ay![j]!;
      const denominator = fy * ex - fx * ey;
      if (denominator === 0) continue;
      const dy = ay![i]! - ay![j]!;
      const dx = ax![i]! - ax![j]!;
      const a = (fx * dy - fy * dx) / denominator;
      const b = (ex * dy - ey * dx) / denominator;
      if (a >= 0 && a <= 1 && b >= 0 && b <= 1) {
        const [u, v] = [ax![i]! + a * ex, ay![i]! + a * ey];
        return swap ? [v, u] : [u, v];
      }
    }
    budget.pairs -= j - i - 1;
    if (budget.pairs < 0) return "too complex";
  }
  return null;
}
