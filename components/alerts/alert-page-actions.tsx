"use client";
// The operator's actions on the alert's page (claim, acknowledge, resolve),
// and keeping the page current: it reloads its data when the alert changes
// (a socket event) and, while deliveries are still queued, every few seconds.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { AlertListItemDto } from "@/server/contracts/api";
import { ResolveForm } from "../noc/resolve-form";
import { useAlertAction } from "../noc/use-alert-action";
import { useLiveEvents } from "../realtime/use-live-events";

const QUEUED_REFRESH_MS = 3000;

type Props = {
  alert: Pick<AlertListItemDto, "id" | "status" | "claimedBy">;
  canAct: boolean;
  canClaim: boolean;
  /** Some delivery is still queued: its outcome is coming. */
  waiting: boolean;
};

export function AlertPageActions({ alert, canAct, canClaim, waiting }: Props) {
  const router = useRouter();
  const [resolving, setResolving] = useState(false);
  const { run, pending, error } = useAlertAction(alert.id, () => router.refresh());
  useLiveEvents({
    "alerts:changed": (changed) => {
      if (changed.some((a) => a.id === alert.id)) router.refresh();
    },
    onReconnect: () => router.refresh(),
  });
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), QUEUED_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, router]);

  if (!canAct || alert.status === "RESOLVED") return null;
  return (
    <div className="alert-actions">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!resolving && (
        <div className="form-actions">
          {canClaim && !alert.claimedBy && (
            <button
              type="button"
              className="btn-ghost"
              disabled={pending !== null}
              onClick={() => void run({ kind: "claim" })}
            >
              {pending === "claim" ? "Claiming…" : "Claim"}
            </button>
          )}
          {alert.status === "NEW" && (
            <button
              type="button"
              className="btn"
              disabled={pending !== null}
              onClick={() => void run({ kind: "acknowledge" })}
            >
              {pending === "acknowledge" ? "Acknowledging…" : "Acknowledge"}
            </button>
          )}
          <button type="button" className="btn-ghost" disabled={pending !== null} onClick={() => setResolving(true)}>
            Resolve…
          </button>
        </div>
      )}
      {resolving && (
        <ResolveForm
          alertId={alert.id}
          pending={pending === "resolve"}
          onResolve={(input) =>
            void run({ kind: "resolve", ...input }).then((done) => {
              if (done) setResolving(false);
            })
          }
          onCancel={() => setResolving(false)}
        />
      )}
    </div>
  );
}
