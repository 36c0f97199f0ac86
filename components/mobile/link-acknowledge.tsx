"use client";
// The one action a signed alert link allows: a big Acknowledge button.
import { useActionState } from "react";
import type { MobileAckState } from "@/server/contracts/mobile";
import type { AlertStatus } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";

type Props = { status: AlertStatus; acknowledge: () => Promise<MobileAckState> };

export function LinkAcknowledge({ status, acknowledge }: Props) {
  const [state, submit, pending] = useActionState<MobileAckState | null>(() => acknowledge(), null);
  const open = status === "NEW" && !state?.ok;
  return (
    <section className="mobile-card" aria-live="polite">
      {open ? (
        <form action={submit}>
          <button className="btn mobile-big" type="submit" disabled={pending}>
            {pending ? "Acknowledging…" : "Acknowledge"}
          </button>
        </form>
      ) : (
        <p className="mobile-done">
          {state?.ok ? (
            <>
              Acknowledged at <ClockTime iso={state.acknowledgedAt} />.
            </>
          ) : (
            `This alert is ${status.toLowerCase()}.`
          )}
        </p>
      )}
      {state && !state.ok && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
