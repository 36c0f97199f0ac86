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
import { logIn } from "@/server/auth/log-in";
import { logOut } from "@/server/auth/log-out";

import type { SignInState } from "@/server/contracts/session";

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = loginInput.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: "Enter your email address and password.", email };
  const runtime = getRuntime();
  let home = "/";
  try {
    const ip = (await headers()).get("x-vigil-client-ip") ?? "unknown";
    const { token, expiresAt } = await logIn(runtime.db, { ...parsed.data, ip, kind: "browser" });
    (await cookies()).set(sessionCookieName(runtime.env), token, sessionCookieOptions(runtime.env, expiresAt));
    const actor = await findActorByToken(runtime.db, token);
    if (actor) home = homePath(actor.role);
  } catch (error) {
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
