"use client";
// Closing an alert: what it turned out to be (real, false alarm, test) and
// an optional note for the record.
import { useState } from "react";
import { alertOutcomes, type ResolveAlertInput } from "@/server/contracts/alert-api";

const outcomeLabel: Record<ResolveAlertInput["outcome"], string> = {
  real: "Real incident",
  false_alarm: "False alarm",
  test: "Test",
};

type Props = {
  alertId: string;
  pending: boolean;
  onResolve: (input: ResolveAlertInput) => void;
  onCancel: () => void;
};

export function ResolveForm({ alertId, pending, onResolve, onCancel }: Props) {
  const [outcome, setOutcome] = useState<ResolveAlertInput["outcome"]>("real");
  const [note, setNote] = useState("");
  return (
    <form
      className="resolve-form"
      aria-label="Resolve alert"
      onSubmit={(event) => {
        event.preventDefault();
        onResolve({ outcome, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <label htmlFor={`outcome-${alertId}`}>Outcome</label>
      <select
        id={`outcome-${alertId}`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as ResolveAlertInput["outcome"])}
      >
        {alertOutcomes.map((o) => (
          <option key={o} value={o}>
            {outcomeLabel[o]}
          </option>
        ))}
      </select>
      <label htmlFor={`note-${alertId}`}>Note (optional)</label>
      <textarea
        id={`note-${alertId}`}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-small" disabled={pending}>
          {pending ? "Resolving…" : "Resolve"}
        </button>
        <button type="button" className="btn-ghost btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
