"use client";
// "Forgot password": an email address in, the same answer out whether or not
// it has an account (the link arrives only if it does).
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/api-request";
import { useHydrated } from "../ui/use-hydrated";

export function ForgotPasswordForm() {
  const hydrated = useHydrated();
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setPending(true);
    const result = await apiRequest<{ message: string }>("/api/v1/password-reset-requests", {
      method: "POST",
      body: { email },
    });
    setPending(false);
    if (!result.ok) return setError(result.fields.email ? "Enter your email address." : result.message);
    setError(null);
    setAnswer(result.data.message);
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? "forgot-error" : undefined}>
      <h1>Vigil</h1>
      <p className="muted">Forgot your password? We email you a link to choose a new one.</p>
      {answer ? (
        <p className="notice" role="status">
          {answer}
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="username" required />
          </div>
          {error && (
            <p id="forgot-error" role="alert" className="error">
              {error}
            </p>
          )}
          <button className="btn" type="submit" disabled={pending || !hydrated}>
            {pending ? "Sending…" : "Email me a link"}
          </button>
        </>
      )}
      <p className="login-aside">
        <Link href="/login">Back to sign-in</Link>
      </p>
    </form>
  );
}
