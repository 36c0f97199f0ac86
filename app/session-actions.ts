"use server";
// Sign in and out from the browser: sets or clears the httpOnly session
// cookie. Next checks the Origin of server actions (CSRF).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { loginInput } from "@/server/contracts/api";
import { homePath } from "@/server/auth/page-auth";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/session-cookie";
import { AppError } from "@/server/observability/app-error";
import { getRuntime } from "@/server/runtime";
import { findActorByToken } from "@/server/auth/find-actor-by-token";
import { completeSignIn, logIn } from "@/server/auth/log-in";
import { logOut } from "@/server/auth/log-out";

import type { SignInState } from "@/server/contracts/session";

/** A wrong second-factor code: the form stays on the code step. */
class CodeRefused extends Error {}

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const challenge = form.get("challenge");
  const runtime = getRuntime();
  const secret = runtime.linkSecret;
  let home = "/";
  try {
    let session: { token: string; expiresAt: Date };
    if (typeof challenge === "string" && challenge) {
      const code = String(form.get("totpCode") ?? "").trim();
      if (!code) return { error: "Enter the code from your authenticator app.", email, challenge };
      session = await completeSignIn(runtime.db, { challenge, code, secret }).catch((error: unknown) => {
        // A wrong code keeps the challenge: the user tries the next code without the password again.
        if (error instanceof AppError && error.issues?.[0]?.path === "totpCode") {
          throw new CodeRefused(error.message);
        }
        throw error;
      });
    } else {
      const parsed = loginInput.safeParse({ email, password: form.get("password") });
      if (!parsed.success) return { error: "Enter your email address and password.", email };
      const ip = (await headers()).get("x-vigil-client-ip") ?? "unknown";
      const outcome = await logIn(runtime.db, { ...parsed.data, ip, kind: "browser", secret });
      if (outcome.status === "code-needed") return { error: null, email, challenge: outcome.challenge };
      session = outcome;
    }
    (await cookies()).set(
      sessionCookieName(runtime.env),
      session.token,
      sessionCookieOptions(runtime.env, session.expiresAt),
    );
    const actor = await findActorByToken(runtime.db, session.token);
    if (actor) home = actor.mustEnrolTotp ? "/account" : homePath(actor.role);
  } catch (error) {
    if (error instanceof CodeRefused) return { error: error.message, email, challenge: String(challenge) };
    if (error instanceof AppError) return { error: error.message, email };
    throw error;
  }
  redirect(home);
}

export async function signOut(): Promise<void> {
  const runtime = getRuntime();
  const name = sessionCookieName(runtime.env);
  const jar = await cookies();
  const token = jar.get(name)?.value;
  if (token) await logOut(runtime.db, token);
  // A __Host- cookie is only replaced by one with the same attributes (Secure, path "/").
  jar.set(name, "", sessionCookieOptions(runtime.env, new Date(0)));
  redirect("/login");
}
