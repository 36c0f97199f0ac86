"use client";
// The NOC's live feed: guard positions and alert changes as they arrive; the
// latest positions again after every reconnect, and the open alerts after
// every connect (the first one too: an alert raised between the page's
// render and the socket's connect would otherwise be missed); the fences
// when a site is saved and after every reconnect; the open tour runs as they
// change, and all of them after every connect.
import { socketEvents, type GuardPositionDto } from "@/server/contracts/socket-events";
import { useLiveEvents, type ConnectionState } from "../realtime/use-live-events";
import type { PositionStore } from "./position-store";
import { fetchLatestPositions } from "./use-latest-positions";
import type { ActiveRunsFeed } from "./use-active-runs";
import type { OpenAlertsFeed } from "./use-open-alerts";

export function useLiveSocket(
  store: PositionStore,
  alerts: OpenAlertsFeed,
  reloadFences: () => void,
  runs: ActiveRunsFeed,
): ConnectionState {
  return useLiveEvents({
    [socketEvents.guardPositions]: (positions: GuardPositionDto[]) => store.upsert(positions),
    [socketEvents.alertsChanged]: alerts.apply,
    [socketEvents.fencesChanged]: () => reloadFences(),
    [socketEvents.tourRunsChanged]: runs.apply,
    onConnect: () => {
      alerts.reload();
      runs.reload();
    },
    onReconnect: () => {
      reloadFences();
      // A failed reload is not retried here: the next reconnect reloads again, and live fixes keep coming.
      fetchLatestPositions().then(store.upsert, () => {});
    },
  });
}
