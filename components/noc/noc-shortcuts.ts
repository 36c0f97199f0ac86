// The NOC's keyboard shortcuts, listed once: the `?` overlay shows this list
// and use-noc-shortcuts.ts acts on the same keys.
export const NOC_SHORTCUTS = [
  { key: "a", does: "Acknowledge the selected alert, or the top one not yet acknowledged" },
  { key: "j", does: "Select the next alert in the queue" },
  { key: "k", does: "Select the previous alert in the queue" },
  { key: "m", does: "Show the selected alert (or the top one) on the map" },
  { key: "o", does: "Open the selected alert's page" },
  { key: "s", does: "Mute or unmute the alarm (a mute ends by itself after 10 minutes)" },
  { key: "/", does: "Search for a guard" },
  { key: "?", does: "Show or hide this list" },
  { key: "Esc", does: "Close this list; leave the search" },
] as const;

/** Typing in a field is typing, not a shortcut; nor is anything held with Ctrl, Alt or Meta. */
export function isShortcut(event: Pick<KeyboardEvent, "ctrlKey" | "altKey" | "metaKey" | "target">): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!target) return true;
  if (target.isContentEditable) return false;
  return !["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName ?? "");
}

/** The queue's alert `step` places from the selected one (the first when none is), kept within the queue. */
export function stepSelection(ids: readonly string[], selected: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = selected === null ? -1 : ids.indexOf(selected);
  if (at === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))]!;
}
