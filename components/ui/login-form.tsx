"use client";
// The sign-in form: email and password, then, for an account with a second
// factor, the authenticator code (the password is not carried to that step:
// the server's signed challenge is).
import Link from "next/link";
import { useActionState } from "react";
import type { SignInState } from "@/server/contracts/session";

type Props = { action: (state: SignInState, form: FormData) => Promise<SignInState> };

export function LoginForm({ action }: Props) {
  const [state, submit, pending] = useActionState(action, { error: null, email: "" });
  const error = state.error && (
    <p id="login-error" role="alert" className="error">
      {state.error}
    </p>
  );
  if (state.challenge) {
    return (
      <form action={submit} aria-describedby={state.error ? "login-error" : undefined}>
        <h1>Vigil</h1>
        <p className="muted">Two-factor sign-in for {state.email}</p>
        <input type="hidden" name="challenge" value={state.challenge} />
        <input type="hidden" name="email" value={state.email} />
        <div className="field">
          <label htmlFor="totpCode">Code from your authenticator app</label>
          <input
            id="totpCode"
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
          />
        </div>
        {error}
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Checking…" : "Sign in"}
        </button>
        <p className="login-aside">
          <Link href="/login">Start again</Link>
        </p>
      </form>
    );
  }
  return (
    <form action={submit} aria-describedby={state.error ? "login-error" : undefined}>
      <h1>Vigil</h1>
      <p className="muted">Operations centre sign-in</p>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" defaultValue={state.email} required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="login-aside">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
