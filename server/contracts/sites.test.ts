import { describe, expect, it } from "vitest";
import { fanRing, polygonFence, roundRing, starRing } from "@/test/geometry/hostile-polygons";
import { MAX_FENCE_VERTICES, MAX_SITE_VERTICES, siteInput } from "./sites";

/** About the most expensive site the limits accept: one fence where every edge pair is tested, then round ones. */
const worstSite = () => ({
  name: "Campus",
  geofences: Array.from({ length: MAX_SITE_VERTICES / MAX_FENCE_VERTICES }, (_, i) =>
    polygonFence((i < 1 ? fanRing : roundRing)(MAX_FENCE_VERTICES - 1, [77 + i * 0.1, 12.97])),
  ),
});

const issuesOf = (body: unknown) => {
  const result = siteInput.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("fence geometry limits", () => {
  it("a fence of the maximum size is accepted, one point more is refused naming the fence", () => {
    expect(issuesOf({ name: "Yard", geofences: [polygonFence(roundRing(MAX_FENCE_VERTICES))] })).toEqual([]);
    expect(issuesOf({ name: "Yard", geofences: [polygonFence(roundRing(MAX_FENCE_VERTICES + 1))] })).toEqual([
      {
        path: "geofences.0.geometry.coordinates.0",
        message: expect.stringContaining(`${MAX_FENCE_VERTICES}`),
      },
    ]);
  });

  it("holes count towards the fence's points", () => {
    const outer = roundRing(600);
    const hole = roundRing(600, [77.59, 12.97]).map(([x, y]) => [77.59 + (x - 77.59) / 2, 12.97 + (y - 12.97) / 2]);
    const issues = issuesOf({
      name: "Yard",
      geofences: [{ geometry: { type: "Polygon", coordinates: [outer, hole] } }],
    });
    expect(issues).toEqual([
      {
        path: "geofences.0.geometry.coordinates",
        message: `at most ${MAX_FENCE_VERTICES} points per fence (all rings together)`,
      },
    ]);
  });

  it("a site's fences together are limited, naming the site's geofences", () => {
    const fences = Array.from({ length: MAX_SITE_VERTICES / 500 + 1 }, (_, i) =>
      polygonFence(roundRing(499, [77 + i * 0.1, 12.97])),
    );
    expect(issuesOf({ name: "Campus", geofences: fences })).toEqual([
      { path: "geofences", message: `at most ${MAX_SITE_VERTICES} polygon points per site (all fences together)` },
    ]);
    expect(issuesOf({ name: "Campus", geofences: fences.slice(1) })).toEqual([]);
  });

  it("a self-crossing fence is refused at the first crossing it finds", () => {
    const issues = issuesOf({ name: "Yard", geofences: [polygonFence(starRing(MAX_FENCE_VERTICES))] });
    expect(issues).toEqual([
      {
        path: "geofences.0.geometry.coordinates",
        message: expect.stringMatching(/^the polygon's edges cross themselves near \[/),
      },
    ]);
  });

  it("a site whose fences would need too many edge-pair tests is refused at the fence where they ran out", () => {
    const fans = Array.from({ length: 3 }, (_, i) =>
      polygonFence(fanRing(MAX_FENCE_VERTICES - 1, [77 + i * 0.1, 12.97])),
    );
    expect(issuesOf({ name: "Campus", geofences: fans })).toEqual([
      {
        path: "geofences.1.geometry.coordinates",
        message: "the fences' edges overlap each other too much to check: draw this fence with fewer points",
      },
    ]);
    expect(issuesOf(worstSite())).toEqual([]);
  });

  // How long the worst of these take is measured by scripts/bench/fence-validation-bench.ts (docs/security.md).
  it("a star crossing itself half a million times is refused as crossing itself", () => {
    const issues = issuesOf({ name: "Yard", geofences: [polygonFence(starRing(MAX_FENCE_VERTICES))] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toMatch(/^geofences\.0\.geometry/);
    expect(issues[0]!.message).toMatch(/cross/i);
  });
});
