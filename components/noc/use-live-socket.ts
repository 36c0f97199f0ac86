"use client";
// The NOC's live feed: guard positions as they arrive, and the latest
// positions again after every reconnect.
import { socketEvents, type GuardPositionDto } from "@/server/contracts/socket-events";
import { useLiveEvents, type ConnectionState } from "../realtime/use-live-events";
import type { PositionStore } from "./position-store";

export function useLiveSocket(store: PositionStore): ConnectionState {
  return useLiveEvents({
    [socketEvents.guardPositions]: (positions: GuardPositionDto[]) => store.upsert(positions),
    onReconnect: () => {
      void fetch("/api/v1/positions", { credentials: "same-origin" })
        .then((r) => (r.ok ? (r.json() as Promise<GuardPositionDto[]>) : []))
        .then((positions) => store.upsert(positions));
    },
  });
}
