"use client";
// The reset link's page: the new password twice; a used or expired link says
// so and offers a new one.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/api-request";
import { useHydrated } from "../ui/use-hydrated";

export function ResetPasswordForm({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("repeat") ?? "")) return setErrors({ repeat: "The two passwords differ." });
    setPending(true);
    const result = await apiRequest("/api/v1/password-resets", { method: "POST", body: { token, password } });
    setPending(false);
    if (!result.ok) {
      if (result.fields.token) return setErrors({ token: result.message });
      return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    }
    setErrors({});
    setDone(true);
  };

  if (done) {
    return (
      <form>
        <h1>Vigil</h1>
        <p className="notice" role="status">
          Your password is changed, and every session of your account was signed out.
        </p>
        <p className="login-aside">
          <Link href="/login">Sign in with the new password</Link>
        </p>
      </form>
    );
  }
  const linkError = errors.token ?? (token ? null : "This link is incomplete: open the whole link from the email.");
  return (
    <form onSubmit={submit} noValidate>
      <h1>Vigil</h1>
      <p className="muted">Choose a new password</p>
      <div className="field">
        <label htmlFor="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-describedby="password-note"
        />
        <span id="password-note" className={errors.password ? "field-error" : "field-hint muted"}>
          {errors.password ?? "At least 8 characters"}
        </span>
      </div>
      <div className="field">
        <label htmlFor="repeat">New password again</label>
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" aria-describedby="repeat-note" />
        <span id="repeat-note" className="field-error">
          {errors.repeat}
        </span>
      </div>
      {(linkError ?? errors.form) && (
        <p role="alert" className="error">
          {linkError ?? errors.form} {linkError && <Link href="/forgot-password">Ask for a new link</Link>}
        </p>
      )}
      <button className="btn" type="submit" disabled={pending || !hydrated || !token}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
