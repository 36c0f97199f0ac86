// Which guards the guards page shows: a search over name, id and phone (case
// and accents ignored, every word must match) and the roster status.
import type { GuardDto } from "@/server/contracts/api";

export const guardStatuses = ["active", "deactivated", "all"] as const;
export type GuardStatus = (typeof guardStatuses)[number];

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function filterGuards(guards: GuardDto[], { query, status }: { query: string; status: GuardStatus }) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return guards.filter((g) => {
    if (status === "active" && !g.active) return false;
    if (status === "deactivated" && g.active) return false;
    const haystack = fold(`${g.name} ${g.externalId} ${g.phone ?? ""}`);
    return words.every((w) => haystack.includes(w));
  });
}
