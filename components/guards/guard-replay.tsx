"use client";
// A guard's track replay: a time range (in the viewer's time zone), the fixes
// and violations in it from the API, and play / pause / speed moving a marker
// along the track with its time. The range is kept in the address so the page
// can be shared.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { LocationDto } from "@/server/contracts/api";
import type { GeofenceDto, ViolationDto } from "@/server/contracts/sites";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { fromLocalInput, outsideRuns, positionAt, toLocalInput, trackPoints } from "./replay";
import { ReplayControls } from "./replay-controls";
import { useReplayClock } from "./use-replay-clock";
import { ViolationList, type ViolationView } from "./violation-list";

const ReplayMap = dynamic(() => import("./replay-map").then((m) => m.ReplayMap), {
  ssr: false,
  loading: () => (
    <div className="muted" style={{ padding: 16 }}>
      Loading map…
    </div>
  ),
});

const MAX_FIXES = 10_000;
const HOUR = 3_600_000;
const presets = [
  { label: "Last hour", hours: 1 },
  { label: "Last 8 h", hours: 8 },
  { label: "Last 24 h", hours: 24 },
];

export type Range = { since: string; until: string };
type Loaded = { fixes: LocationDto[]; violations: ViolationView[] | null };

type Props = {
  externalId: string;
  fences: GeofenceDto[];
  fenceNames: Record<string, string>;
  initialRange: Range | null;
  tileUrl: string | null;
};

const formatTime = (iso: string | number) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

function lastHours(hours: number): Range {
  const until = new Date();
  return { since: new Date(until.getTime() - hours * HOUR).toISOString(), until: until.toISOString() };
}

export function GuardReplay({ externalId, fences, fenceNames, initialRange, tileUrl }: Props) {
  const [range, setRange] = useState<Range | null>(null);
  const [form, setForm] = useState({ since: "", until: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pending, setPending] = useState(false);

  const load = useCallback(
    async (next: Range) => {
      setRange(next);
      setForm({ since: toLocalInput(next.since), until: toLocalInput(next.until) });
      window.history.replaceState(null, "", `?${new URLSearchParams(next).toString()}`);
      setPending(true);
      const base = `/api/v1/guards/${encodeURIComponent(externalId)}`;
      const query = new URLSearchParams(next).toString();
      const [fixes, violations] = await Promise.all([
        apiRequest<LocationDto[]>(`${base}/locations?${query}&limit=${MAX_FIXES}`),
        apiRequest<ViolationDto[]>(`${base}/violations?${query}`),
      ]);
      setPending(false);
      if (!fixes.ok) {
        setErrors(Object.keys(fixes.fields).length > 0 ? fixes.fields : { form: fixes.message });
        return;
      }
      setErrors({});
      setLoaded({
        fixes: fixes.data,
        // Without the violations (a refused request), the flagged fixes still show.
        violations: violations.ok
          ? violations.data.map((v) => ({
              ...v,
              fenceName: (v.geofenceId && fenceNames[v.geofenceId]) || "A removed fence",
            }))
          : null,
      });
    },
    [externalId, fenceNames],
  );

  // The first range is chosen in the browser: "the last 8 hours" is the viewer's clock.
  useEffect(() => {
    void load(initialRange ?? lastHours(8));
  }, [load, initialRange]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const since = fromLocalInput(form.since);
    // The form shows minutes: "to 20:40" includes the fixes of 20:40:59.
    const untilMinute = fromLocalInput(form.until);
    const until = untilMinute && new Date(Date.parse(untilMinute) + 59_999).toISOString();
    const problems: Record<string, string> = {};
    if (!since) problems.since = "give a date and time";
    if (!until) problems.until = "give a date and time";
    if (since && until && since > until) problems.since = "must be before the end";
    if (Object.keys(problems).length > 0) return setErrors(problems);
    void load({ since: since!, until: until! });
  };

  const fixes = useMemo(() => loaded?.fixes ?? [], [loaded]);
  const track = useMemo(() => trackPoints(fixes), [fixes]);
  const runs = useMemo(() => outsideRuns(fixes), [fixes]);
  const start = track[0]?.t ?? 0;
  const end = track.at(-1)?.t ?? 0;
  const clock = useReplayClock(start, end);
  const at = positionAt(track, clock.t);
  const outsideNow = at ? (fixes[at.index]?.geofenceViolation ?? false) : false;
  const outsideFixes = fixes.filter((f) => f.geofenceViolation).length;
  const timeLabel = track.length > 0 ? formatTime(clock.t) : "";

  return (
    <div className="replay">
      <form className="replay-range" onSubmit={submit} noValidate aria-label="Time range">
        <FormField id="replay-since" label="From" error={errors.since}>
          <input
            {...fieldA11y("replay-since", errors.since)}
            type="datetime-local"
            value={form.since}
            onChange={(e) => setForm((f) => ({ ...f, since: e.target.value }))}
          />
        </FormField>
        <FormField id="replay-until" label="To" error={errors.until}>
          <input
            {...fieldA11y("replay-until", errors.until)}
            type="datetime-local"
            value={form.until}
            onChange={(e) => setForm((f) => ({ ...f, until: e.target.value }))}
          />
        </FormField>
        <div className="form-actions replay-actions">
          <button className="btn" type="submit" disabled={pending}>
            {pending ? "Loading…" : "Show"}
          </button>
          {presets.map((p) => (
            <button key={p.hours} className="btn-ghost" type="button" onClick={() => void load(lastHours(p.hours))}>
              {p.label}
            </button>
          ))}
        </div>
      </form>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="replay-grid">
        <div className="map-wrap replay-map" data-testid="replay-map">
          <ReplayMap
            fixes={fixes}
            runs={runs}
            violations={loaded?.violations ?? []}
            fences={fences}
            position={at}
            outside={outsideNow}
            timeLabel={timeLabel}
            tileUrl={tileUrl}
          />
        </div>
        <aside className="panel replay-side">
          <h2>Replay</h2>
          <p className="replay-summary" data-testid="replay-summary">
            {!loaded
              ? "Loading…"
              : fixes.length === 0
                ? "No fixes in this range."
                : `${fixes.length}${fixes.length === MAX_FIXES ? " (the first)" : ""} fixes, ${outsideFixes} outside a fence`}
          </p>
          {range && loaded && fixes.length > 0 && (
            <ReplayControls clock={clock} start={start} end={end} timeLabel={timeLabel} outside={outsideNow} />
          )}
          <h2>Violations</h2>
          {loaded && (
            <ViolationList
              violations={loaded.violations}
              runs={runs}
              formatTime={formatTime}
              onSeek={(iso) => clock.seek(Date.parse(iso))}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
