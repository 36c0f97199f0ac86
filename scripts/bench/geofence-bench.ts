// Geofence check per fix with 10,000 fences in one tenant: the spatial index
// (flatbush) plus turf on the few nearby fences, and the per-guard state
// machine, beside checking every fence without the index.
import { buildFenceIndex } from "../../server/geofence/fence-index";
import { contains, prepareFence, type Fence } from "../../server/geofence/fence";
import { evaluateFix, type GuardFenceState } from "../../server/geofence/evaluate-fix";
import { summary } from "./stats";

const LAT = 12.9716;
const LON = 77.5946;
const M = 1 / 111_320;

function randomFence(i: number): Fence {
  const lat = LAT + (Math.random() - 0.5) * 0.3;
  const lon = LON + (Math.random() - 0.5) * 0.3;
  const half = (50 + Math.random() * 150) * M;
  const base = { id: `f-${i}`, siteId: `s-${i >> 1}`, bufferM: 10, confirmFixes: 3, confirmSeconds: 60 };
  if (i % 3 === 0) return { ...base, shape: { kind: "circle", center: [lon, lat], radiusM: half / M } };
  const ring = [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half * 0.6, lat + half],
    [lon - half, lat + half * 0.8],
    [lon - half, lat - half],
  ];
  return {
    ...base,
    shape: {
      kind: "polygon",
      polygon: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } },
    },
  };
}

export function geofenceBench({ fences = 10_000, fixes = 50_000 } = {}) {
  const prepared = Array.from({ length: fences }, (_, i) => prepareFence(randomFence(i)));
  const index = buildFenceIndex(prepared);
  const assigned = prepared.slice(0, 2);
  const perFix: number[] = [];
  let state: GuardFenceState | undefined;
  for (let i = 0; i < fixes; i += 1) {
    const lat = LAT + (Math.random() - 0.5) * 0.3;
    const lon = LON + (Math.random() - 0.5) * 0.3;
    const accuracyM = 5 + Math.random() * 25;
    const t0 = process.hrtime.bigint();
    // Enter/exit candidates across the tenant's fences, then the guard's own rule.
    for (const fence of index.near(lon, lat, accuracyM)) contains(fence, lon, lat);
    state = evaluateFix(state, { lat, lon, accuracyM, at: i + 1 }, assigned).state;
    perFix.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const alone: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const lat = LAT + (Math.random() - 0.5) * 0.3;
    const lon = LON + (Math.random() - 0.5) * 0.3;
    const t0 = process.hrtime.bigint();
    for (const fence of prepared) contains(fence, lon, lat);
    alone.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  // The first fixes warm the JIT; keep the steady state.
  return { indexed: summary(perFix.slice(fixes / 10)), turfAlone: summary(alone) };
}
