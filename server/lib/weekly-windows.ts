// Whether an instant falls in weekly windows kept in a time zone (days
// 1 = Monday … 7 = Sunday; a window may run past midnight, e.g. 22:00-06:00,
// and then belongs to the day it starts on). Sites' arming and guards'
// shifts are both such windows.
export type WeeklyWindow = { days: number[]; from: string; to: string };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const formats = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timezone: string): { day: number; minutes: number } {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timezone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: WEEKDAYS.indexOf(get("weekday")) + 1, minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function inWeeklyWindows(windows: WeeklyWindow[], timezone: string, at: Date): boolean {
  if (windows.length === 0) return false;
  const { day, minutes } = localParts(at, timezone);
  const yesterday = day === 1 ? 7 : day - 1;
  return windows.some(({ days, from, to }) => {
    const start = toMinutes(from);
    const end = toMinutes(to);
    if (start < end) return days.includes(day) && minutes >= start && minutes < end;
    // Past midnight: the evening part today, or the morning part of a window that began yesterday.
    return (days.includes(day) && minutes >= start) || (days.includes(yesterday) && minutes < end);
  });
}

/**
 * When the window holding `at` began (the earliest start when windows overlap), or null outside every window.
 * Counted back in local wall-clock minutes, then checked against the zone: across a daylight-saving change inside
 * the window the offset moved, so the start is an hour either side.
 */
export function windowStart(windows: WeeklyWindow[], timezone: string, at: Date): Date | null {
  const { day, minutes } = localParts(at, timezone);
  const yesterday = day === 1 ? 7 : day - 1;
  let back: number | null = null;
  for (const { days, from, to } of windows) {
    const start = toMinutes(from);
    const end = toMinutes(to);
    let since: number | null = null;
    if (start < end) since = days.includes(day) && minutes >= start && minutes < end ? minutes - start : null;
    else if (days.includes(day) && minutes >= start) since = minutes - start;
    else if (days.includes(yesterday) && minutes < end) since = minutes + 1440 - start;
    if (since !== null && (back === null || since > back)) back = since;
  }
  if (back === null) return null;
  const minute = Math.floor(at.getTime() / 60_000) * 60_000;
  const guess = minute - back * 60_000;
  const target = localParts(new Date(guess), timezone).minutes;
  const wanted = (minutes - back + 1440) % 1440;
  if (target === wanted) return new Date(guess);
  // The zone's offset changed in between: the wall clock is an hour off either way.
  for (const shift of [-60, 60]) {
    const shifted = guess + shift * 60_000;
    if (localParts(new Date(shifted), timezone).minutes === wanted && shifted <= at.getTime()) return new Date(shifted);
  }
  return new Date(guess);
}
