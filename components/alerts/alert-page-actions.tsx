"use client";
// The operator's actions on the alert's page (claim, acknowledge, resolve),
// and keeping the page current: it reloads its data when the alert changes
// (a socket event) and, while deliveries are still queued, every few seconds.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import { AlertActionButtons } from "../noc/alert-action-buttons";
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
        <AlertActionButtons
          status={alert.status}
          canClaim={canClaim && !alert.claimedBy}
          pending={pending}
          onRun={(command) => void run(command)}
          onResolve={() => setResolving(true)}
        />
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
