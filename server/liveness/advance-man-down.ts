// Man-down with a cancel window, as lone-worker devices do: a guard found
// lying still (find-still-guards.ts) is first asked "Are you OK?" on their
// phones (`man-down-check`); the critical man-down alert is raised only if no
// check-in ("I'm OK", the PIN) and no move arrived within the tenant's
// `liveness.manDownCancelSeconds` (30 s; 0 alarms at once). The question is
// kept per guard (man-down-checks.ts), so a restart neither asks nor alarms twice.
import type { TransactionSql } from "postgres";
import type { AlertCandidate } from "../services/alerts/alert-candidate";
import { decideManDown } from "./decide-man-down";
import { findStillGuards, type StillGuard } from "./find-still-guards";
import {
  askManDown,
  forgetManDownChecks,
  loadManDownChecks,
  markManDownAlarmed,
  type PendingRow,
} from "./man-down-checks";

export type ManDownSummary = { asked: number; alarms: AlertCandidate[] };

function alarm(guard: StillGuard | PendingRow, still: StillGuard | undefined, now: Date): AlertCandidate {
  const moved = still ? ` (moved ${Math.round(still.movedM)} m)` : "";
  const unanswered =
    "sentAt" in guard && guard.cancelSeconds > 0 ? `, no answer to "Are you OK?" in ${guard.cancelSeconds} s` : "";
  return {
    tenantId: guard.tenantId,
    subject: { deviceId: null, guardId: guard.guardId, externalId: guard.sourceExternalId, name: guard.sourceName },
    siteId: null,
    type: "man-down",
    severity: "critical",
    message: `${guard.sourceName} has not moved more than ${guard.metres} m in ${guard.minutes} min${moved}${unanswered}`,
    location: still ? { lat: still.lat, lon: still.lon } : { lat: guard.lat, lon: guard.lon },
    at: now,
    extra: null,
  };
}

/** Call under checkLiveness's lock: one run at a time, so a second run finds the first's questions. */
export async function advanceManDown(tx: TransactionSql, now: Date): Promise<ManDownSummary> {
  const stillGuards = await findStillGuards(tx, now);
  const pending = await loadManDownChecks(tx, now);
  const stillById = new Map(stillGuards.map((g) => [g.guardId, g]));
  const pendingIds = new Set(pending.map((p) => p.guardId));
  const ask: StillGuard[] = [];
  const alarmAtOnce: StillGuard[] = [];
  const forget: string[] = [];
  const newlyAlarmed: string[] = [];
  const alarms: AlertCandidate[] = [];
  for (const guard of stillGuards) {
    if (pendingIds.has(guard.guardId)) continue;
    const step = decideManDown({
      ...guard,
      still: true,
      pending: null,
      movedSinceAsked: false,
      onShift: true,
      stillMinutes: guard.minutes,
      now,
    });
    if (step === "ask") ask.push(guard);
    if (step === "alarm") {
      alarmAtOnce.push(guard);
      alarms.push(alarm(guard, guard, now));
    }
  }
  for (const row of pending) {
    const still = stillById.get(row.guardId);
    const step = decideManDown({ ...row, still: still !== undefined, pending: row, stillMinutes: row.minutes, now });
    if (step === "forget") forget.push(row.guardId);
    if (step === "alarm") {
      if (row.alarmedAt === null) newlyAlarmed.push(row.guardId);
      alarms.push(alarm(row, still, now));
    }
  }
  await forgetManDownChecks(tx, forget);
  await askManDown(tx, ask, now, false);
  await askManDown(tx, alarmAtOnce, now, true);
  await markManDownAlarmed(tx, newlyAlarmed, now);
  return { asked: ask.length, alarms };
}
