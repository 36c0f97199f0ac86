"use client";
// An admin's help for a user who cannot sign in: email a reset link, set a
// password, or turn off two-factor sign-in (a lost phone). Each ends the
// user's sessions; the row says what happened.
import { useState, type FormEvent } from "react";
import type { UserDto } from "@/server/contracts/admin";
import { apiRequest } from "../ui/api-request";

type Props = { user: UserDto; onChanged: (user: UserDto) => void };

export function UserAccountActions({ user, onChanged }: Props) {
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [setting, setSetting] = useState(false);

  const run = async (path: string, method: "POST" | "PUT" | "DELETE", body: unknown, done: string) => {
    setPending(true);
    const result = await apiRequest(path, { method, body });
    setPending(false);
    if (!result.ok) {
      setNote({ tone: "error", text: Object.values(result.fields)[0] ?? result.message });
      return false;
    }
    setNote({ tone: "ok", text: done });
    return true;
  };

  const setPassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const ok = await run(
      `/api/v1/users/${user.id}/password`,
      "PUT",
      { password },
      "Password set; their sessions ended.",
    );
    if (ok) setSetting(false);
  };

  const resetTotp = async () => {
    const ok = await run(`/api/v1/users/${user.id}/totp`, "DELETE", undefined, "Two-factor sign-in turned off.");
    if (ok) onChanged({ ...user, totpEnabled: false });
  };

  return (
    <details className="user-actions">
      <summary className="btn-ghost btn-small">Sign-in help</summary>
      <div className="user-actions-body">
        <button
          className="btn-ghost btn-small"
          type="button"
          disabled={pending}
          onClick={() =>
            run(`/api/v1/users/${user.id}/password-reset`, "POST", undefined, `Reset link emailed to ${user.email}.`)
          }
        >
          Email a reset link
        </button>
        <button className="btn-ghost btn-small" type="button" disabled={pending} onClick={() => setSetting((s) => !s)}>
          Set a password
        </button>
        {user.totpEnabled && (
          <button className="btn-ghost btn-small btn-danger-ghost" type="button" disabled={pending} onClick={resetTotp}>
            Reset two-factor
          </button>
        )}
        {setting && (
          <form onSubmit={setPassword} className="inline-form" aria-label={`New password for ${user.email}`}>
            <label htmlFor={`new-password-${user.id}`} className="sr-only">
              New password for {user.email}
            </label>
            <input
              id={`new-password-${user.id}`}
              name="password"
              type="password"
              autoComplete="new-password"
              placeholder="New password (8+ characters)"
            />
            <button className="btn btn-small" type="submit" disabled={pending}>
              Save
            </button>
          </form>
        )}
        {note && (
          <span className={note.tone === "ok" ? "muted" : "field-error"} role={note.tone === "ok" ? "status" : "alert"}>
            {note.text}
          </span>
        )}
      </div>
    </details>
  );
}
