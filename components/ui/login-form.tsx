"use client";
import { useActionState } from "react";
import type { SignInState } from "@/server/contracts/session";

type Props = { action: (state: SignInState, form: FormData) => Promise<SignInState> };

export function LoginForm({ action }: Props) {
  const [state, submit, pending] = useActionState(action, { error: null, email: "" });
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
      {state.error && (
        <p id="login-error" role="alert" className="error">
          {state.error}
        </p>
      )}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
