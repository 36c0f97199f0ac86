"use client";
// The NOC's positions come after the page, not inside it: 5,000 guards in the
// server-rendered payload made the page itself slow to send, parse and
// hydrate. The page preloads GET /api/v1/positions/latest (app/page.tsx), so
// the request runs while the scripts load; this hook puts the answer in the
// position store and retries until it has one. Live fixes that arrive first
// stay: the store keeps the newest fix per guard.
import { useEffect, useState } from "react";
import { LATEST_POSITIONS_PATH, positionFromRow, type LatestPositionRow } from "@/server/contracts/positions";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import type { PositionStore } from "./position-store";

const RETRY_MS = 2000;

export type PositionsLoad = "loading" | "loaded" | "failed";

export async function fetchLatestPositions(): Promise<GuardPositionDto[]> {
  // The default credentials and mode, as the page's preload link has them, so the browser reuses that response.
  const response = await fetch(LATEST_POSITIONS_PATH);
  if (!response.ok) throw new Error(`GET ${LATEST_POSITIONS_PATH}: ${response.status}`);
  return ((await response.json()) as LatestPositionRow[]).map(positionFromRow);
}

export function useLatestPositions(store: PositionStore): PositionsLoad {
  const [state, setState] = useState<PositionsLoad>("loading");
  useEffect(() => {
    let active = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchLatestPositions().then(
        (positions) => {
          if (!active) return;
          store.upsert(positions);
          setState("loaded");
        },
        () => {
          if (!active) return;
          setState((s) => (s === "loaded" ? s : "failed"));
          retry = setTimeout(load, RETRY_MS);
        },
      );
    void load();
    return () => {
      active = false;
      clearTimeout(retry);
    };
  }, [store]);
  return state;
}
