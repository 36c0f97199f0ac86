"use client";
// A time of day in the viewer's own time zone. The server cannot know that
// zone: it renders UTC, and the browser switches to local time right after
// hydration (useSyncExternalStore's server snapshot), so hydration never
// sees two different texts. Rendered in the browser only, it is local at once.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function ClockTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Date(iso).toLocaleTimeString("en-GB"),
    () => `${iso.slice(11, 19)} UTC`,
  );
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
