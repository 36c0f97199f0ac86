import { describe, expect, it } from "vitest";
import { siteInput, type SiteDto } from "@/server/contracts/sites";
import { siteBody, siteDraft, siteErrors, type FenceDraft } from "./site-draft";

const square = [
  [
    [77.59, 12.97],
    [77.6, 12.97],
    [77.6, 12.98],
    [77.59, 12.98],
    [77.59, 12.97],
  ],
];

const site: SiteDto = {
  id: "5b0c6f7e-8a43-4f57-9d43-0d1f3c4b2a10",
  name: "Depot",
  timezone: "Asia/Kolkata",
  armedSchedule: [{ days: [1, 2, 3, 4, 5], from: "20:00", to: "06:00" }],
  geofences: [
    {
      id: "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
      name: "Yard",
      geometry: { type: "Polygon", coordinates: square },
      circle: null,
      bufferM: 15,
      confirmFixes: 3,
      confirmSeconds: null,
    },
    {
      id: "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
      name: "Gate",
      geometry: null,
      circle: { center: [77.595, 12.975], radiusM: 40 },
      bufferM: 5,
      confirmFixes: 2,
      confirmSeconds: 30,
    },
  ],
  createdAt: "2026-11-26T20:00:00.000Z",
};

describe("site draft", () => {
  it("sends a saved site back unchanged, fences with their ids and the arming schedule kept", () => {
    const body = siteBody(siteDraft(site, "UTC"));
    const parsed = siteInput.parse(body);
    expect(parsed.armedSchedule).toEqual(site.armedSchedule);
    expect(parsed.geofences).toEqual(
      site.geofences.map(({ geometry, circle, ...rest }) => ({
        ...rest,
        ...(geometry ? { geometry } : {}),
        ...(circle ? { circle } : {}),
      })),
    );
  });

  it("sends empty numbers as the API's defaults and no time rule as null", () => {
    const draft = siteDraft(null, "UTC");
    const fence: FenceDraft = {
      key: "new-1",
      id: null,
      name: "",
      shape: { kind: "circle", center: [77.5, 12.9], radiusM: 25 },
      bufferM: "",
      confirmFixes: " 4 ",
      confirmSeconds: "",
    };
    const parsed = siteInput.parse(siteBody({ ...draft, name: "New", fences: [fence] }));
    expect(parsed.geofences[0]).toMatchObject({ bufferM: 10, confirmFixes: 4, confirmSeconds: null });
    expect(parsed.geofences[0]!.id).toBeUndefined();
  });

  it("puts each 422 issue beside the fence and field it names", () => {
    const fences = siteDraft(site, "UTC").fences;
    const errors = siteErrors(
      {
        name: "Too small",
        "geofences.1.circle.radiusM": "the radius must be more than 0 m",
        "geofences.0.geometry.coordinates": "the polygon's edges cross themselves",
        "geofences.0.confirmFixes": "Too small: expected number to be >=1",
        "geofences.7.bufferM": "Too big",
        armedSchedule: "Too many",
      },
      fences,
      "Invalid input",
    );
    expect(errors.site.name).toBe("Too small");
    expect(errors.fences[fences[1]!.key]).toEqual({ shape: "the radius must be more than 0 m" });
    expect(errors.fences[fences[0]!.key]).toEqual({
      shape: "the polygon's edges cross themselves",
      confirmFixes: "Too small: expected number to be >=1",
    });
    expect(errors.site.form).toBe("geofences.7.bufferM: Too big; armedSchedule: Too many");
  });

  it("shows the API's message when no field is named", () => {
    expect(siteErrors({}, [], "No such site.").site).toEqual({ form: "No such site." });
  });
});
