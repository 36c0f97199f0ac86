"use client";
// Guards by most recent fix, re-rendered at most once a second (sorting and
// rendering the list on every frame cost the map its frame rate with
// thousands of guards moving); each name opens the guard's page (track replay).
import Link from "next/link";
import { useEffect, useState } from "react";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";
import type { PositionStore } from "./position-store";
import type { PositionsLoad } from "./use-latest-positions";

const MAX_ROWS = 200;
const REFRESH_MS = 1000;

function snapshot(store: PositionStore): GuardPositionDto[] {
  return [...store.all().values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).slice(0, MAX_ROWS);
}

const EMPTY: Record<PositionsLoad, string> = {
  loading: "Loading guards…",
  loaded: "No positions yet.",
  failed: "Could not load the guards' positions; retrying…",
};

export function GuardList({ store, load }: { store: PositionStore; load: PositionsLoad }) {
  const [rows, setRows] = useState(() => snapshot(store));
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownAt = 0;
    const refresh = () => {
      frame = 0;
      shownAt = performance.now();
      setRows(snapshot(store));
    };
    const unsubscribe = store.subscribe(() => {
      if (frame || timer) return;
      const wait = shownAt + REFRESH_MS - performance.now();
      if (wait <= 0) frame = requestAnimationFrame(refresh);
      else
        timer = setTimeout(() => {
          timer = undefined;
          frame = requestAnimationFrame(refresh);
        }, wait);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [store]);

  return (
    <>
      <h2>Guards ({store.all().size})</h2>
      {rows.length === 0 && (
        <p className="muted" style={{ padding: "0 14px" }}>
          {EMPTY[load]}
        </p>
      )}
      <ul className="guard-list" aria-label="Guards">
        {rows.map((p) => (
          <li key={p.guardId} data-guard={p.externalId}>
            <Link
              className="name"
              href={`/guards/${encodeURIComponent(p.externalId)}`}
              // The rows change every second: prefetching each guard's page as it scrolls into view cost the map frames.
              prefetch={false}
              title="Replay this guard's track"
            >
              {p.name} <span className="muted">({p.externalId})</span>
            </Link>
            <span className="coords" data-testid={`coords-${p.externalId}`}>
              {p.lat.toFixed(5)}, {p.lon.toFixed(5)}
              {p.accuracyM !== null ? ` ±${Math.round(p.accuracyM)} m` : ""}
            </span>
            <span className="coords">
              <ClockTime iso={p.recordedAt} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
