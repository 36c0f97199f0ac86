"use client";
// A "Delete" button that asks first, in place (no browser dialog, so it reads
// the same on a phone): what goes and what happens then, the red button that
// does it, and Cancel. The API's refusal (a 409 such as "you cannot remove
// yourself") is shown right there.
import { useState } from "react";
import type { ApiResult } from "./api-request";

type Props<T> = {
  /** What is removed, as the button's accessible name says it: "contact Sam Rao". */
  what: string;
  /** One sentence on what removing it does. */
  consequence: string;
  onConfirm: () => Promise<ApiResult<T>>;
  /** After the API said yes, with its answer. */
  onRemoved: (answer: T) => void;
  label?: string;
};

export function ConfirmRemove<T>({ what, consequence, onConfirm, onRemoved, label = "Delete" }: Props<T>) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setPending(true);
    const result = await onConfirm();
    setPending(false);
    if (!result.ok) return setError(result.message);
    setAsking(false);
    onRemoved(result.data);
  };

  if (!asking) {
    return (
      <button
        className="btn-ghost btn-small btn-danger-ghost"
        type="button"
        aria-label={`${label} ${what}`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm confirm-inline" role="group" aria-label={`Confirm: ${label.toLowerCase()} ${what}`}>
      <p>
        {label} <strong>{what}</strong>? {consequence}
      </p>
      <div className="form-actions">
        <button className="btn btn-danger btn-small" type="button" disabled={pending} onClick={confirm}>
          {pending ? "Working…" : `Yes, ${label.toLowerCase()}`}
        </button>
        <button
          className="btn-ghost btn-small"
          type="button"
          onClick={() => {
            setAsking(false);
            setError(null);
          }}
        >
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
