"use client";
// The tenant's geofences as the NOC draws them: the page's first load, then
// the whole list again whenever a site is saved or deleted (fences:changed)
// and after every reconnect. Overlapping reloads keep only the newest answer.
import { useCallback, useRef, useState } from "react";
import type { GeofenceDto, SiteDto } from "@/server/contracts/sites";
import { apiRequest } from "../ui/api-request";

export function useFences(initial: GeofenceDto[]): { fences: GeofenceDto[]; reload: () => void } {
  const [fences, setFences] = useState(initial);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    void apiRequest<SiteDto[]>("/api/v1/sites").then((result) => {
      if (mine === generation.current && result.ok) setFences(result.data.flatMap((site) => site.geofences));
    });
  }, []);
  return { fences, reload };
}
