"use client";
// Add a note to an alert's timeline; the page reloads its data to show it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "../ui/api-request";

export function NoteForm({ alertId }: { alertId: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="note-form"
      aria-label="New note"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void apiRequest(`/api/v1/alerts/${alertId}/notes`, { method: "POST", body: { text } }).then((result) => {
          setPending(false);
          setError(result.ok ? null : (result.fields.text ?? result.message));
          if (!result.ok) return;
          setText("");
          router.refresh();
        });
      }}
    >
      <label htmlFor="alert-note">Add a note</label>
      <textarea
        id="alert-note"
        rows={3}
        maxLength={2000}
        required
        value={text}
        placeholder="What you did or found: who you called, what they said"
        onChange={(e) => setText(e.target.value)}
        aria-describedby={error ? "alert-note-error" : undefined}
      />
      {error && (
        <p id="alert-note-error" className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={pending || text.trim() === ""}>
          {pending ? "Adding…" : "Add note"}
        </button>
      </div>
    </form>
  );
}
