// Track replay arithmetic: where the guard was at any moment between two
// fixes (straight-line interpolation), the runs of fixes flagged outside a
// fence, and the time-range form's local date-times.
import type { LocationDto } from "@/server/contracts/api";

export const replaySpeeds = [1, 4, 16, 64] as const;
export type ReplaySpeed = (typeof replaySpeeds)[number];

export type TrackPoint = { t: number; lat: number; lon: number };

export function trackPoints(fixes: LocationDto[]): TrackPoint[] {
  return fixes.map((f) => ({ t: Date.parse(f.recordedAt), lat: f.lat, lon: f.lon }));
}

/** The position at time t (clamped to the track), and the index of the last fix at or before it. */
export function positionAt(track: TrackPoint[], t: number): { lat: number; lon: number; index: number } | null {
  const first = track[0];
  const last = track.at(-1);
  if (!first || !last) return null;
  if (t <= first.t) return { lat: first.lat, lon: first.lon, index: 0 };
  if (t >= last.t) return { lat: last.lat, lon: last.lon, index: track.length - 1 };
  let low = 0;
  let high = track.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (track[middle]!.t <= t) low = middle;
    else high = middle;
  }
  const a = track[low]!;
  const b = track[high]!;
  const k = b.t === a.t ? 0 : (t - a.t) / (b.t - a.t);
  return { lat: a.lat + (b.lat - a.lat) * k, lon: a.lon + (b.lon - a.lon) * k, index: low };
}

export type OutsideRun = { from: string; to: string; fixes: number; first: number; last: number };

/** Consecutive fixes flagged as a geofence violation, as runs (indexes into the fixes). */
export function outsideRuns(fixes: LocationDto[]): OutsideRun[] {
  const runs: OutsideRun[] = [];
  let open: OutsideRun | null = null;
  for (const [i, fix] of fixes.entries()) {
    if (!fix.geofenceViolation) {
      open = null;
      continue;
    }
    if (open) {
      open.to = fix.recordedAt;
      open.fixes += 1;
      open.last = i;
    } else {
      open = { from: fix.recordedAt, to: fix.recordedAt, fixes: 1, first: i, last: i };
      runs.push(open);
    }
  }
  return runs;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as the value of an <input type="datetime-local"> in the viewer's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the viewer's time zone) as an ISO instant, or null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
