// Weekly shift windows in words: "Mon–Fri 08:00–16:00", runs of days joined,
// a window ending before it starts runs past midnight.
import type { WeeklyWindow } from "@/server/contracts/sites";

export const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** ISO days (1 = Monday) as runs: [1,2,3,5] -> "Mon–Wed, Fri". */
export function dayRuns(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  const name = (d: number) => weekdays[d - 1]!;
  return runs
    .map(([from, to]) => (from === to ? name(from) : `${name(from)}${to === from + 1 ? ", " : "–"}${name(to)}`))
    .join(", ");
}

function shiftText(window: WeeklyWindow): string {
  const overnight = window.to < window.from ? " (overnight)" : "";
  return `${dayRuns(window.days)} ${window.from}–${window.to}${overnight}`;
}

export function shiftsText(shifts: WeeklyWindow[]): string {
  return shifts.length === 0 ? "Always on shift" : shifts.map(shiftText).join("; ");
}
