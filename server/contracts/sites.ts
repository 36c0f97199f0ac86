// Sites, their geofences and guards' assignments: what the API accepts and
// answers. Geometry is checked here, so a bad fence is a 422 that says why
// (fewer than 3 points, edges that cross, a radius that is not positive).
// Vertex counts are bounded per fence and per site so that checking a request
// cannot hold the event loop (docs/security.md has the measured worst case).
import { z } from "zod";
import { isoTime, nullableIsoTime } from "./iso-time";
import { findPolygonCrossing } from "./polygon-crossing";

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.tuple([lon, lat]);

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24 h)");

/** A weekly window (days 1 = Monday .. 7 = Sunday, local HH:MM; to before from runs past midnight). */
const weeklyWindow = z
  .object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), from: hhmm, to: hhmm })
  .refine((w) => w.from !== w.to, { message: "from and to must differ", path: ["to"] });
export type WeeklyWindow = z.infer<typeof weeklyWindow>;

export const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "unknown time zone (use an IANA name such as Asia/Kolkata)" },
  );

/** Points (vertices) of one polygon fence, all rings together. */
export const MAX_FENCE_VERTICES = 1000;
/** Points of all of one site's polygon fences together. */
export const MAX_SITE_VERTICES = 3_000;
/**
 * Pairs of edges the crossing check may test for one site: ordinary fences need a few thousand each (a round
 * 1,000-point fence about 20,000), and one 1,000-point fence made so that every edge overlaps every other
 * about 500,000.
 */
export const MAX_SITE_CROSSING_TESTS = 600_000;

const vertexCount = (coordinates: unknown[][]) => coordinates.reduce((n, ring) => n + ring.length, 0);

function sameSpot(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** How many distinct points the ring has, counting no further than `enough`. */
function distinctPoints(ring: number[][], enough: number): number {
  const seen: number[][] = [];
  for (const point of ring) {
    if (seen.some((other) => sameSpot(point, other))) continue;
    seen.push(point);
    if (seen.length >= enough) break;
  }
  return seen.length;
}

/** A GeoJSON Polygon; the outer ring is closed for the caller if it is not. */
const polygon = z
  .object({
    type: z.literal("Polygon"),
    coordinates: z
      .array(z.array(position).max(MAX_FENCE_VERTICES))
      .min(1)
      .max(20)
      .refine((rings) => vertexCount(rings) <= MAX_FENCE_VERTICES, {
        message: `at most ${MAX_FENCE_VERTICES} points per fence (all rings together)`,
        abort: true,
      }),
  })
  .transform((p) => ({
    type: "Polygon" as const,
    coordinates: p.coordinates.map((ring) =>
      ring.length > 0 && !sameSpot(ring[0]!, ring.at(-1)!) ? [...ring, ring[0]!] : ring,
    ),
  }))
  .superRefine((p, ctx) => {
    for (const [i, ring] of p.coordinates.entries()) {
      const distinct = distinctPoints(ring, 3);
      if (distinct < 3) {
        ctx.addIssue({
          code: "custom",
          path: ["coordinates", i],
          message: `a ring needs at least 3 distinct points (this one has ${distinct})`,
        });
        return;
      }
    }
  });

const circle = z.object({
  center: position,
  radiusM: z.number().gt(0, "the radius must be more than 0 m").max(100_000, "at most 100 km"),
});

const geofenceInput = z
  .object({
    /** On PUT: the id of an existing fence of this site, kept (with its history) rather than replaced. */
    id: z.uuid().optional(),
    name: z.string().trim().max(200).default(""),
    geometry: polygon.nullish(),
    circle: circle.nullish(),
    bufferM: z.number().min(0).max(1000).default(10),
    confirmFixes: z.number().int().min(1).max(50).default(3),
    confirmSeconds: z.number().int().min(1).max(3600).nullable().default(null),
  })
  .superRefine((f, ctx) => {
    if (Boolean(f.geometry) === Boolean(f.circle))
      ctx.addIssue({ code: "custom", path: ["geometry"], message: "give either geometry (a Polygon) or circle" });
  });
export type GeofenceInput = z.infer<typeof geofenceInput>;

export const siteInput = z.object({
  name: z.string().trim().min(1).max(200),
  timezone: timezone.default("UTC"),
  armedSchedule: z.array(weeklyWindow).max(50).default([]),
  geofences: z
    .array(geofenceInput)
    .max(1000)
    .default([])
    .superRefine((fences, ctx) => {
      if (vertexCount(fences.map((f) => f.geometry?.coordinates.flat() ?? [])) > MAX_SITE_VERTICES) {
        ctx.addIssue({
          code: "custom",
          message: `at most ${MAX_SITE_VERTICES} polygon points per site (all fences together)`,
        });
        return;
      }
      // One budget for the whole request, so that no site holds the event loop for long (docs/security.md).
      const budget = { pairs: MAX_SITE_CROSSING_TESTS };
      for (const [i, fence] of fences.entries()) {
        const rings = fence.geometry?.coordinates;
        if (!rings || vertexCount(rings) > MAX_FENCE_VERTICES + rings.length) continue;
        const crossing = findPolygonCrossing(rings, budget);
        if (crossing === null) continue;
        const path = [i, "geometry", "coordinates"];
        if (crossing === "too complex") {
          ctx.addIssue({
            code: "custom",
            path,
            message: "the fences' edges overlap each other too much to check: draw this fence with fewer points",
          });
          return;
        }
        const [x, y] = crossing;
        ctx.addIssue({
          code: "custom",
          path,
          message: `the polygon's edges cross themselves near [${x.toFixed(6)}, ${y.toFixed(6)}]`,
        });
      }
    }),
});
export type SiteInput = z.infer<typeof siteInput>;

const geofenceDto = z.object({
  id: z.uuid(),
  name: z.string(),
  geometry: z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }).nullable(),
  circle: z.object({ center: z.tuple([z.number(), z.number()]), radiusM: z.number() }).nullable(),
  bufferM: z.number(),
  confirmFixes: z.number().int(),
  confirmSeconds: z.number().int().nullable(),
});
export type GeofenceDto = z.infer<typeof geofenceDto>;

export const siteDto = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  armedSchedule: z.array(weeklyWindow),
  geofences: z.array(geofenceDto),
  createdAt: isoTime,
});
export type SiteDto = z.infer<typeof siteDto>;

/** Lone-worker check-ins: at least every checkInMinutes on shift (null: never asked), then graceSeconds of grace. */
const checkInMinutes = z.number().int().min(1).max(1440).nullable();
const graceSeconds = z.number().int().min(0).max(3600);
const DEFAULT_GRACE_SECONDS = 120;

export const assignmentInput = z.object({
  siteId: z.uuid(),
  /** Weekly shifts; none means always on shift. */
  shifts: z.array(weeklyWindow).max(50).default([]),
  /** The shifts' time zone; the site's when not given. */
  timezone: timezone.optional(),
  checkInMinutes: checkInMinutes.default(null),
  graceSeconds: graceSeconds.default(DEFAULT_GRACE_SECONDS),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

/** Some of an assignment's settings; what is left out stays (timezone null: the site's). */
export const updateAssignmentInput = z
  .object({
    shifts: z.array(weeklyWindow).max(50).optional(),
    timezone: timezone.nullable().optional(),
    checkInMinutes: checkInMinutes.optional(),
    graceSeconds: graceSeconds.optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: "give shifts, timezone, checkInMinutes or graceSeconds",
    path: ["shifts"],
  });
export type UpdateAssignmentInput = z.infer<typeof updateAssignmentInput>;

export const assignmentDto = z.object({
  siteId: z.uuid(),
  siteName: z.string(),
  shifts: z.array(weeklyWindow),
  timezone: z.string(),
  checkInMinutes: z.number().int().nullable(),
  graceSeconds: z.number().int(),
  createdAt: isoTime,
});
export type AssignmentDto = z.infer<typeof assignmentDto>;

/** NOTIFY channel: a tenant's sites, fences or assignments changed (payload: the tenant id). */
export const FENCES_CHANNEL = "vigil_fences";

/** A guard assigned to one site (the site editor's list). */
export type SiteAssignmentDto = {
  guardExternalId: string;
  guardName: string;
  shifts: WeeklyWindow[];
  /** The shifts' own time zone, or null for the site's. */
  timezone: string | null;
  checkInMinutes: number | null;
  graceSeconds: number;
  createdAt: string;
};

/** A confirmed geofence violation and why: which fence, how far outside, the accuracy, what confirmed it. */
export const violationDto = z.object({
  id: z.uuid(),
  geofenceId: z.uuid().nullable(),
  siteId: z.uuid().nullable(),
  alertId: z.uuid().nullable(),
  startedAt: isoTime,
  endedAt: nullableIsoTime,
  lat: z.number(),
  lon: z.number(),
  metresOutside: z.number(),
  accuracyM: z.number(),
  confirmedFixes: z.number().int(),
  confirmedSeconds: z.number(),
});
export type ViolationDto = z.infer<typeof violationDto>;
