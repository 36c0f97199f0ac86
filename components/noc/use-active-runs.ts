"use client";
// The open tour runs as React state: `tour-runs:changed` events applied as
// they come, the whole open list loaded after every connect (the first one
// too). Overlapping reloads keep only the newest answer; a failed reload is
// tried again shortly.
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { TourRunDto } from "@/server/contracts/patrols";
import { apiRequest } from "../ui/api-request";
import { activeRunsReducer, emptyActiveRuns, sortedRuns } from "./active-runs";

const RETRY_MS = 3000;

export type ActiveRunsFeed = {
  runs: TourRunDto[];
  apply: (runs: TourRunDto[]) => void;
  reload: () => void;
};

export function useActiveRuns(): ActiveRunsFeed {
  const [state, dispatch] = useReducer(activeRunsReducer, emptyActiveRuns);
  const generation = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    clearTimeout(retry.current);
    void apiRequest<TourRunDto[]>("/api/v1/tour-runs?status=open&limit=200").then((result) => {
      if (mine !== generation.current) return; // a newer reload is under way
      if (result.ok) dispatch({ type: "reloaded", runs: result.data });
      else retry.current = setTimeout(reload, RETRY_MS);
    });
  }, []);
  useEffect(() => () => clearTimeout(retry.current), []);

  const apply = useCallback((runs: TourRunDto[]) => dispatch({ type: "changed", runs }), []);
  const runs = useMemo(() => sortedRuns(state), [state]);
  return { runs, apply, reload };
}
