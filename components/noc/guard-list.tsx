"use client";
// Guards by most recent fix, re-rendered at most once per animation frame;
// each name opens the guard's page (track replay).
import Link from "next/link";
import { useEffect, useState } from "react";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";
import type { PositionStore } from "./position-store";

const MAX_ROWS = 200;

function snapshot(store: PositionStore): GuardPositionDto[] {
  return [...store.all().values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).slice(0, MAX_ROWS);
}

export function GuardList({ store }: { store: PositionStore }) {
  const [rows, setRows] = useState(() => snapshot(store));
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        setRows(snapshot(store));
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);

  return (
    <>
      <h2>Guards ({store.all().size})</h2>
      {rows.length === 0 && (
        <p className="muted" style={{ padding: "0 14px" }}>
          No positions yet.
        </p>
      )}
      <ul className="guard-list" aria-label="Guards">
        {rows.map((p) => (
          <li key={p.guardId} data-guard={p.externalId}>
            <Link
              className="name"
              href={`/guards/${encodeURIComponent(p.externalId)}`}
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
