"use client";
// The open alerts as React state: socket changes applied as they come, and
// the whole open list reloaded after every (re)connect. Overlapping reloads
// keep only the newest answer; a failed reload is tried again shortly.
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import { apiRequest } from "../ui/api-request";
import { initialOpenAlerts, openAlertsReducer, sortedAlerts, type OpenAlert } from "./open-alerts";

const RETRY_MS = 3000;

export type OpenAlertsFeed = {
  alerts: OpenAlert[];
  /** Apply changed alerts (from a socket event or an API answer). */
  apply: (alerts: OpenAlert[]) => void;
  reload: () => void;
};

export function useOpenAlerts(initial: OpenAlert[]): OpenAlertsFeed {
  const [state, dispatch] = useReducer(openAlertsReducer, initial, initialOpenAlerts);
  const generation = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    clearTimeout(retry.current);
    dispatch({ type: "reloadStarted" });
    void apiRequest<AlertListItemDto[]>("/api/v1/alerts?status=open&limit=200").then((result) => {
      if (mine !== generation.current) return; // a newer reload is under way
      if (result.ok) dispatch({ type: "reloaded", alerts: result.data });
      else retry.current = setTimeout(reload, RETRY_MS);
    });
  }, []);
  useEffect(() => () => clearTimeout(retry.current), []);

  const apply = useCallback((alerts: OpenAlert[]) => dispatch({ type: "changed", alerts }), []);
  const alerts = useMemo(() => sortedAlerts(state), [state]);
  return { alerts, apply, reload };
}
