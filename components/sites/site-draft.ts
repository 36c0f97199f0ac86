// The site editor's working copy: a site's name, time zone and fences as the
// form holds them (numbers as typed), the request body the sites API takes,
// and the API's 422 issues sorted to the fence and field they name.
import type { GeofenceDto, SiteDto, WeeklyWindow } from "@/server/contracts/sites";
import { shapeOf, type FenceShape } from "../map/fence-shape";

export type FenceDraft = {
  /** Stable while editing: the fence's id once saved, a local one before. */
  key: string;
  id: string | null;
  name: string;
  shape: FenceShape;
  bufferM: string;
  confirmFixes: string;
  /** Empty: no time rule, only the count of fixes. */
  confirmSeconds: string;
};

export type SiteDraft = { name: string; timezone: string; armedSchedule: WeeklyWindow[]; fences: FenceDraft[] };

export type FenceField = "name" | "shape" | "bufferM" | "confirmFixes" | "confirmSeconds";

export const newFenceDefaults = { bufferM: "10", confirmFixes: "3", confirmSeconds: "" };

function fenceDraft(fence: GeofenceDto): FenceDraft {
  return {
    key: fence.id,
    id: fence.id,
    name: fence.name,
    shape: shapeOf(fence),
    bufferM: String(fence.bufferM),
    confirmFixes: String(fence.confirmFixes),
    confirmSeconds: fence.confirmSeconds === null ? "" : String(fence.confirmSeconds),
  };
}

export function siteDraft(site: SiteDto | null, defaultTimezone: string): SiteDraft {
  if (!site) return { name: "", timezone: defaultTimezone, armedSchedule: [], fences: [] };
  return {
    name: site.name,
    timezone: site.timezone,
    armedSchedule: site.armedSchedule,
    fences: site.geofences.map(fenceDraft),
  };
}

// Typed numbers go as numbers; what is not a number goes as typed, so the
// API's 422 names the field rather than the form guessing a value.
function number(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function fenceBody(fence: FenceDraft) {
  const shape =
    fence.shape.kind === "circle"
      ? { circle: { center: fence.shape.center, radiusM: fence.shape.radiusM } }
      : { geometry: { type: "Polygon", coordinates: fence.shape.coordinates } };
  return {
    ...(fence.id ? { id: fence.id } : {}),
    name: fence.name,
    ...shape,
    bufferM: number(fence.bufferM),
    confirmFixes: number(fence.confirmFixes),
    confirmSeconds: number(fence.confirmSeconds) ?? null,
  };
}

/** The body of POST /api/v1/sites and PUT /api/v1/sites/:id (PUT replaces, so the arming schedule goes back too). */
export function siteBody(draft: SiteDraft) {
  return {
    name: draft.name,
    timezone: draft.timezone.trim() || undefined,
    armedSchedule: draft.armedSchedule,
    geofences: draft.fences.map(fenceBody),
  };
}

export type SiteErrors = {
  site: Partial<Record<"name" | "timezone" | "form", string>>;
  fences: Record<string, Partial<Record<FenceField, string>>>;
};

const fenceField: Record<string, FenceField> = {
  name: "name",
  geometry: "shape",
  circle: "shape",
  bufferM: "bufferM",
  confirmFixes: "confirmFixes",
  confirmSeconds: "confirmSeconds",
};

/** Sorts the API's field issues (`geofences.2.circle.radiusM`) to the fence (by position) and field they are about. */
export function siteErrors(fields: Record<string, string>, fences: FenceDraft[], message: string): SiteErrors {
  const errors: SiteErrors = { site: {}, fences: {} };
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fields)) {
    const [head, index, field] = path.split(".");
    if ((head === "name" || head === "timezone") && index === undefined) {
      errors.site[head] ??= text;
      continue;
    }
    const fence = head === "geofences" && index !== undefined ? fences[Number(index)] : undefined;
    const target = field === undefined ? undefined : fenceField[field];
    if (fence && target) {
      const shown = (errors.fences[fence.key] ??= {});
      shown[target] ??= text;
      continue;
    }
    unplaced.push(path ? `${path}: ${text}` : text);
  }
  if (unplaced.length > 0) errors.site.form = unplaced.join("; ");
  else if (Object.keys(fields).length === 0) errors.site.form = message;
  return errors;
}

export function hasErrors(errors: SiteErrors): boolean {
  return Object.keys(errors.site).length > 0 || Object.keys(errors.fences).length > 0;
}
