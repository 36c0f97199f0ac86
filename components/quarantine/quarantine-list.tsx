"use client";
// Rejected MQTT messages, newest first, 50 at a time ("Load more" follows the
// `before` cursor). Registering an unknown device from one entry marks every
// entry for that id as registered.
import { useState } from "react";
import type { DeviceDto } from "@/server/contracts/api";
import { QUARANTINE_PAGE_SIZE, type QuarantinePageDto } from "@/server/contracts/quarantine";
import { apiRequest } from "../ui/api-request";
import { QuarantineEntry } from "./quarantine-entry";

type Props = { initial: QuarantinePageDto; canRegister: boolean };

export function QuarantineList({ initial, canRegister }: Props) {
  const [items, setItems] = useState(initial.items);
  const [nextBefore, setNextBefore] = useState(initial.nextBefore);
  const [registered, setRegistered] = useState<Record<string, DeviceDto>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (before: number | null) => {
    setPending(true);
    const query = `limit=${QUARANTINE_PAGE_SIZE}${before ? `&before=${before}` : ""}`;
    const result = await apiRequest<QuarantinePageDto>(`/api/v1/quarantine?${query}`);
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setItems((current) => (before ? [...current, ...result.data.items] : result.data.items));
    setNextBefore(result.data.nextBefore);
  };

  return (
    <>
      <div className="list-toolbar">
        <span className="muted">
          {items.length} shown{nextBefore ? ", more below" : ""}
        </span>
        <button className="btn-ghost btn-small" type="button" disabled={pending} onClick={() => load(null)}>
          Show newest
        </button>
      </div>
      {items.length === 0 ? (
        <p className="empty muted">No rejected messages. Everything devices sent was accepted.</p>
      ) : (
        <ul className="q-list" aria-label="Rejected messages">
          {items.map((entry) => (
            <QuarantineEntry
              key={entry.id}
              entry={entry}
              canRegister={canRegister}
              registered={entry.registrableExternalId ? registered[entry.registrableExternalId] : undefined}
              onRegistered={(device) => setRegistered((r) => ({ ...r, [device.externalId]: device }))}
            />
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {nextBefore && (
        <div className="load-more">
          <button className="btn-ghost" type="button" disabled={pending} onClick={() => load(nextBefore)}>
            {pending ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </>
  );
}
