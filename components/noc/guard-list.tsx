"use client";
// Every guard, by most recent fix, re-sorted at most once a second (sorting and
// rendering the list on every frame cost the map its frame rate with
// thousands of guards moving); each name opens the guard's page (track
// replay). Only the rows in view are in the DOM (@tanstack/react-virtual):
// 200 rendered rows took longer than drawing 5,000 guards on the map.
// The search box narrows the list to guards whose name or id holds the text;
// "Map" centres the map on a guard.
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";
import type { PositionStore } from "./position-store";
import type { PositionsLoad } from "./use-latest-positions";

const REFRESH_MS = 1000;
/** A row's height before it is measured (name, coordinates and time on three lines). */
const ROW_ESTIMATE_PX = 70;

function snapshot(store: PositionStore, search: string): GuardPositionDto[] {
  const text = search.trim().toLowerCase();
  const all = [...store.all().values()];
  const shown = text
    ? all.filter((p) => p.name.toLowerCase().includes(text) || p.externalId.toLowerCase().includes(text))
    : all;
  return shown.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

const EMPTY: Record<PositionsLoad, string> = {
  loading: "Loading guards…",
  loaded: "No positions yet.",
  failed: "Could not load the guards' positions; retrying…",
};

type Props = {
  store: PositionStore;
  load: PositionsLoad;
  onLocate: (guard: GuardPositionDto) => void;
  searchRef: RefObject<HTMLInputElement | null>;
};

export function GuardList({ store, load, onLocate, searchRef }: Props) {
  const [search, setSearch] = useState("");
  const searchNow = useRef(search);
  const [rows, setRows] = useState(() => snapshot(store, ""));
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where the list starts in the scrolling panel, below the heading.
  const [listTop, setListTop] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => rows[index]!.guardId,
    scrollMargin: listTop,
    overscan: 5,
  });
  const empty = rows.length === 0;
  useLayoutEffect(() => setListTop(list.current?.offsetTop ?? 0), [empty]);

  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownAt = 0;
    const refresh = () => {
      frame = 0;
      shownAt = performance.now();
      setRows(snapshot(store, searchNow.current));
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

  const changeSearch = (text: string) => {
    searchNow.current = text;
    setSearch(text);
    setRows(snapshot(store, text));
  };

  return (
    <div className="guards" ref={scroller}>
      <h2>Guards ({store.all().size})</h2>
      <div className="guard-search">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search guards"
          placeholder="Search guards by name or id ( / )"
          value={search}
          onChange={(e) => changeSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
            if (e.key === "Enter" && rows[0]) onLocate(rows[0]);
          }}
        />
      </div>
      {empty && (
        <p className="muted" style={{ padding: "0 14px" }}>
          {search.trim() && store.all().size > 0 ? `No guard matches “${search.trim()}”.` : EMPTY[load]}
        </p>
      )}
      <ul className="guard-list" aria-label="Guards" ref={list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map(({ index, key, start }) => {
          const p = rows[index]!;
          return (
            <li
              key={key}
              data-index={index}
              ref={virtualizer.measureElement}
              data-guard={p.externalId}
              style={{ transform: `translateY(${start - listTop}px)` }}
            >
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
                <ClockTime iso={p.recordedAt} />{" "}
                <button type="button" className="link-button" onClick={() => onLocate(p)} title="Centre the map here">
                  Map
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
