"use client";
// A list the admin pages grow a page at a time ("Load more" follows the
// API's nextCursor), with new and changed rows put in place.
import { useState } from "react";
import type { Page } from "@/server/contracts/pagination";
import { apiRequest } from "../ui/api-request";

export function usePagedList<T extends { id: string }>(path: string, initial: Page<T>, limit: number) {
  const [items, setItems] = useState(initial.items);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadMore = async () => {
    if (!nextCursor) return;
    setPending(true);
    const result = await apiRequest<Page<T>>(`${path}?limit=${limit}&cursor=${encodeURIComponent(nextCursor)}`);
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setItems((current) => [...current, ...result.data.items.filter((i) => !current.some((c) => c.id === i.id))]);
    setNextCursor(result.data.nextCursor);
  };

  return {
    items,
    nextCursor,
    pending,
    error,
    loadMore,
    /** A row just created: shown first, whatever the list's order. */
    add: (item: T) => setItems((current) => [item, ...current.filter((c) => c.id !== item.id)]),
    replace: (item: T) => setItems((current) => current.map((c) => (c.id === item.id ? item : c))),
    remove: (id: string) => setItems((current) => current.filter((c) => c.id !== id)),
  };
}
