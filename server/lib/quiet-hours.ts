// When a policy's quiet hours end: daily "HH:MM" to "HH:MM" in an IANA time
// zone, possibly past midnight (22:00-07:00). The end is found on the local
// wall clock and corrected once across a change of UTC offset, so a night
// that gains or loses an hour still ends at the local time the admin wrote.
export type QuietHoursWindow = { from: string; to: string; timezone: string };

const DAY_S = 24 * 3600;
const formats = new Map<string, Intl.DateTimeFormat>();

function localSecondOfDay(at: Date, timezone: string): number {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timezone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 3600 + get("minute") * 60 + get("second");
}

const toSeconds = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

function isQuiet(second: number, start: number, end: number): boolean {
  return start < end ? second >= start && second < end : second >= start || second < end;
}

/** The instant the quiet hours around `at` end, or null when `at` is not in them. */
export function quietHoursEnd({ from, to, timezone }: QuietHoursWindow, at: Date): Date | null {
  const start = toSeconds(from);
  const end = toSeconds(to);
  const now = localSecondOfDay(at, timezone);
  if (!isQuiet(now, start, end)) return null;
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  const naive = new Date(whole + ((end - now + DAY_S) % DAY_S) * 1000);
  // An offset change (daylight saving) in between moves the local clock: shift by what it missed, once.
  let drift = end - localSecondOfDay(naive, timezone);
  if (drift > DAY_S / 2) drift -= DAY_S;
  if (drift < -DAY_S / 2) drift += DAY_S;
  const corrected = new Date(naive.getTime() + drift * 1000);
  return corrected > at && !isQuiet(localSecondOfDay(corrected, timezone), start, end) ? corrected : naive;
}
