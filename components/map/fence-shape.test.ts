import { describe, expect, it } from "vitest";
import { bufferOutline, geoJsonRings, latLngRings } from "./fence-shape";

// About 111 m a side at the equator.
const square = [
  [
    [0, 0],
    [0.001, 0],
    [0.001, 0.001],
    [0, 0.001],
    [0, 0],
  ],
];

describe("fence shape", () => {
  it("grows a circle's radius by the buffer", () => {
    expect(bufferOutline({ kind: "circle", center: [10, 20], radiusM: 50 }, 15)).toEqual({
      kind: "circle",
      center: [10, 20],
      radiusM: 65,
    });
  });

  it("grows a polygon outwards by the buffer, and draws nothing for no buffer", () => {
    const outline = bufferOutline({ kind: "polygon", coordinates: square }, 20);
    expect(outline?.kind).toBe("polygons");
    const ring = outline!.kind === "polygons" ? outline!.coordinates[0]![0]! : [];
    const lons = ring.map(([lon]) => lon!);
    // 20 m is about 0.00018 degrees at the equator.
    expect(Math.min(...lons)).toBeCloseTo(-0.00018, 4);
    expect(Math.max(...lons)).toBeCloseTo(0.00118, 4);
    expect(bufferOutline({ kind: "polygon", coordinates: square }, 0)).toBeNull();
  });

  it("converts between GeoJSON and Leaflet rings, closing an open ring", () => {
    expect(latLngRings([[[77.5, 12.9]]])).toEqual([[[12.9, 77.5]]]);
    const open = [
      [
        { lat: 1, lng: 2 },
        { lat: 1, lng: 3 },
        { lat: 2, lng: 3 },
      ],
    ];
    expect(geoJsonRings(open)).toEqual([
      [
        [2, 1],
        [3, 1],
        [3, 2],
        [2, 1],
      ],
    ]);
  });
});
