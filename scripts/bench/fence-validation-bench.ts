// How long validating a site's geometry holds the event loop, for the worst
// requests the limits accept (docs/security.md): one fence of the most points
// shaped so that every pair of edges must be tested, a star that crosses
// itself half a million times, the most expensive site the limits accept, and
// a site full of the worst fences (refused when the crossing budget runs out).
// Run alone: npx tsx scripts/bench/fence-validation-bench.ts. Besides the wall clock it prints the CPU time
// the check used, which a busy machine (other processes on the same cores) inflates less; the minimum of 100
// runs is about what an idle core takes.
import {
  MAX_FENCE_VERTICES,
  MAX_SITE_CROSSING_TESTS,
  MAX_SITE_VERTICES,
  siteInput,
} from "../../server/contracts/sites";
import { fanRing, polygonFence, roundRing, starRing } from "../../test/geometry/hostile-polygons";
import { summary } from "./stats";

function time(body: unknown, runs = 100): { min: number; p50: number; max: number; cpuP50: number } {
  for (let i = 0; i < 3; i++) siteInput.safeParse(body);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    siteInput.safeParse(body);
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { min: Math.min(...wall), p50: summary(wall).p50, max: Math.max(...wall), cpuP50: summary(cpu).p50 };
}

const site = (rings: [number, number][][]) => ({ name: "Bench", geofences: rings.map(polygonFence) });
const fences = MAX_SITE_VERTICES / MAX_FENCE_VERTICES;
const cases = {
  [`one fence, ${MAX_FENCE_VERTICES} points, round`]: site([roundRing(MAX_FENCE_VERTICES - 1)]),
  [`one fence, ${MAX_FENCE_VERTICES} points, every edge pair tested (fan)`]: site([fanRing(MAX_FENCE_VERTICES - 1)]),
  [`one fence, ${MAX_FENCE_VERTICES} points, star (refused at its first crossing)`]: site([
    starRing(MAX_FENCE_VERTICES - 1),
  ]),
  [`site of ${MAX_SITE_VERTICES} points: a fan and ${fences - 1} round fences (the most expensive accepted)`]: site(
    Array.from({ length: fences }, (_, i) =>
      (i < 1 ? fanRing : roundRing)(MAX_FENCE_VERTICES - 1, [77 + i * 0.1, 12.97]),
    ),
  ),
  [`site of ${fences} fans (refused once ${MAX_SITE_CROSSING_TESTS} edge pairs are tested)`]: site(
    Array.from({ length: fences }, (_, i) => fanRing(MAX_FENCE_VERTICES - 1, [77 + i * 0.1, 12.97])),
  ),
};
for (const [name, body] of Object.entries(cases)) {
  const { min, p50, max, cpuP50 } = time(body);
  console.log(
    `${name}: wall min ${min.toFixed(2)} / p50 ${p50.toFixed(2)} / max ${max.toFixed(2)} ms; CPU p50 ${cpuP50.toFixed(2)} ms`,
  );
}
