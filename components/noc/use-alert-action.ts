"use client";
// Acknowledge, claim or resolve one alert through the REST API (same-origin
// cookie). The answer is applied at once, without waiting for the socket
// event; a refusal (409 "Already acknowledged by ...") is kept to be shown.
import { useState } from "react";
import type { AlertDetailDto, ResolveAlertInput } from "@/server/contracts/alert-api";
import { apiRequest } from "../ui/api-request";
import type { OpenAlert } from "./open-alerts";

export type AlertCommand = { kind: "acknowledge" } | { kind: "claim" } | ({ kind: "resolve" } & ResolveAlertInput);

export function useAlertAction(alertId: string, apply: (alerts: OpenAlert[]) => void) {
  const [pending, setPending] = useState<AlertCommand["kind"] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (command: AlertCommand): Promise<boolean> => {
    setPending(command.kind);
    const { kind, ...body } = command;
    const result = await apiRequest<AlertDetailDto>(`/api/v1/alerts/${alertId}/${kind}`, {
      method: "POST",
      body: kind === "resolve" ? body : undefined,
    });
    setPending(null);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    setError(null);
    const { events: _events, deliveries: _deliveries, ...summary } = result.data;
    apply([summary]);
    return true;
  };

  return { run, pending, error };
}
