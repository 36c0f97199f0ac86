"use client";
// False in the server render and until hydration, then true: forms keep their
// submit button disabled until React handles the submit, so a quick click
// cannot fall through to a native form submission that reloads the page.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
