import kinks from "@turf/kinks";
import { findPolygonCrossing } from "./server/contracts/polygon-crossing";
import { roundRing, fanRing, starRing } from "./test/geometry/hostile-polygons";
let mismatch = 0, pointOff = 0;
for (let t = 0; t < 40000; t++) {
  const n = 3 + Math.floor(Math.random() * 8);
  const gx = Math.random() < 0.5 ? 4 : 1000, gy = Math.random() < 0.5 ? gx : gx * 3;
  const ring = Array.from({ length: n }, () => [Math.floor(Math.random() * gx), Math.floor(Math.random() * gy)]);
  if (Math.random() < 0.8) ring.push(ring[0]!);
  const rings = [ring];
  if (Math.random() < 0.3) { const h = Array.from({ length: 3 }, () => [Math.floor(Math.random() * gx), Math.floor(Math.random() * gy)]); h.push(h[0]!); rings.push(h); }
  const k = kinks({ type: "Polygon", coordinates: rings }).features;
  const b = findPolygonCrossing(rings);
  if ((k.length > 0) !== (b !== null)) { mismatch++; if (mismatch < 4) console.log(JSON.stringify(rings), k.length, b); }
  if (Array.isArray(b) && !k.some((f) => Math.abs(f.geometry.coordinates[0]! - b[0]) < 1e-6 && Math.abs(f.geometry.coordinates[1]! - b[1]) < 1e-6)) pointOff++;
}
console.log("mismatches", mismatch, "points not among kinks'", pointOff);
const t = (name: string, f: () => unknown) => { for (let i=0;i<5;i++) f(); const ts:number[]=[]; for (let i=0;i<30;i++){const c=process.cpuUsage(); f(); const u=process.cpuUsage(c); ts.push((u.user+u.system)/1000);} ts.sort((a,b)=>a-b); console.log(name, "cpu p50", ts[15]!.toFixed(2), "min", ts[0]!.toFixed(2)); };
const close = (r: number[][]) => [...r, r[0]!];
const tall = (r: number[][]) => r.map(([x, y]) => [y! - 12.97 + 77.59, x! - 77.59 + 12.97]);
t("round", () => findPolygonCrossing([close(roundRing(999))]));
t("fan", () => findPolygonCrossing([close(fanRing(999))]));
t("fan tall", () => findPolygonCrossing([close(tall(fanRing(999)))]));
t("star", () => findPolygonCrossing([close(starRing(999))]));
console.log(findPolygonCrossing([close(fanRing(999))], { pairs: 100_000 }));
