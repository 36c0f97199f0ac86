"use client";
// Claim, Acknowledge and Resolve… for one open alert: in the NOC's queue
// (small) and on the alert's page.
import type { AlertStatus } from "@/server/contracts/socket-events";
import type { AlertCommand } from "./use-alert-action";

type Props = {
  status: AlertStatus;
  canClaim: boolean;
  pending: AlertCommand["kind"] | null;
  small?: boolean;
  onRun: (command: { kind: "claim" } | { kind: "acknowledge" }) => void;
  onResolve: () => void;
};

export function AlertActionButtons({ status, canClaim, pending, small = false, onRun, onResolve }: Props) {
  const size = small ? " btn-small" : "";
  return (
    <div className="form-actions">
      {canClaim && (
        <button
          type="button"
          className={`btn-ghost${size}`}
          disabled={pending !== null}
          onClick={() => onRun({ kind: "claim" })}
        >
          {pending === "claim" ? "Claiming…" : "Claim"}
        </button>
      )}
      {status === "NEW" && (
        <button
          type="button"
          className={`btn${size}`}
          disabled={pending !== null}
          onClick={() => onRun({ kind: "acknowledge" })}
        >
          {pending === "acknowledge" ? "Acknowledging…" : "Acknowledge"}
        </button>
      )}
      <button type="button" className={`btn-ghost${size}`} disabled={pending !== null} onClick={onResolve}>
        Resolve…
      </button>
    </div>
  );
}
