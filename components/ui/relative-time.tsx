"use client";
// A time shown relative to now ("5 min ago"), refreshed every 15 s, with the
// absolute time on hover. Server and browser clocks differ by a little, so
// the first render's text may too (hydration warning suppressed).
import { useEffect, useState } from "react";
import { formatRelative } from "./format-relative";

export function RelativeTime({ iso, never = "never" }: { iso: string | null; never?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return <span className="muted">{never}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
