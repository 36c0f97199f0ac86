"use client";
// A date and time in the viewer's own time zone (see clock-time.tsx for why
// the server renders UTC first).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function DateTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" }),
    () => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`,
  );
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
