"use client";
// Loads a device's telemetry or a sensor's readings for a range, following
// the pages up to a cap (a chart of more points than this draws no more).
import { useEffect, useState } from "react";
import type { Page } from "@/server/contracts/pagination";
import { apiRequest, type ApiResult } from "../ui/api-request";

const MAX_PAGES = 4;
const PAGE_ROWS = 5000;

export type History<T> =
  { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; rows: T[]; truncated: boolean };

export function useDeviceHistory<T>(base: string, what: "telemetry" | "readings", hours: number): History<T> {
  const [history, setHistory] = useState<History<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setHistory({ state: "loading" });
    (async () => {
      const since = new Date(Date.now() - hours * 3600_000).toISOString();
      const rows: T[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const query: URLSearchParams = new URLSearchParams({ since, limit: String(PAGE_ROWS) });
        if (cursor) query.set("cursor", cursor);
        const result: ApiResult<Page<T>> = await apiRequest<Page<T>>(`${base}/${what}?${query}`);
        if (!result.ok) return live && setHistory({ state: "failed", message: result.message });
        rows.push(...result.data.items);
        cursor = result.data.nextCursor;
        if (!cursor) break;
      }
      if (live) setHistory({ state: "ready", rows, truncated: cursor !== null });
    })();
    return () => {
      live = false;
    };
  }, [base, what, hours]);
  return history;
}
