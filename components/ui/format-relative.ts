// "just now", "5 min ago", "3 h ago", "2 d ago" (and "in 4 min" for the
// future), for last-seen and received times.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatRelative(iso: string, now: number): string {
  const diff = now - Date.parse(iso);
  if (Number.isNaN(diff)) return "unknown";
  const ahead = diff < 0;
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  const text =
    abs < HOUR
      ? `${Math.round(abs / MINUTE)} min`
      : abs < DAY
        ? `${Math.round(abs / HOUR)} h`
        : `${Math.round(abs / DAY)} d`;
  return ahead ? `in ${text}` : `${text} ago`;
}
