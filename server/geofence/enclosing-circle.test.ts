import { describe, expect, test } from "vitest";
import { enclosingCircle } from "./enclosing-circle";

describe("the circle an OwnTracks region can be for a fence", () => {
  test("a circle fence is itself", () => {
    expect(enclosingCircle({ kind: "circle", centerLon: 2.29513, centerLat: 48.85833, radiusM: 50 })).toEqual({
      lat: 48.85833,
      lon: 2.29513,
      radiusM: 50,
    });
  });

  test("a polygon's circle is centred on its vertices and reaches the farthest one", () => {
    const ring = [
      [2.3, 48.86],
      [2.302, 48.86],
      [2.302, 48.861],
      [2.3, 48.861],
      [2.3, 48.86],
    ];
    const circle = enclosingCircle({ kind: "polygon", polygon: { type: "Polygon", coordinates: [ring] } });
    expect(circle.lon).toBeCloseTo(2.301, 9);
    expect(circle.lat).toBeCloseTo(48.8605, 9);
    // Half the diagonal of a 147 m x 111 m rectangle.
    expect(circle.radiusM).toBeGreaterThan(91.5);
    expect(circle.radiusM).toBeLessThan(92.5);
  });
});
