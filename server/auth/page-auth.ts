// Page-side session check (server components and actions): the same lookup
// as the API wrapper, reading the httpOnly cookie.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime";
import type { UserRole } from "../contracts/api";
import type { Actor } from "../auth/actor";
import { findActorByToken } from "../auth/find-actor-by-token";
import { sessionCookieName } from "../auth/session-cookie";

export async function currentActor(): Promise<Actor | null> {
  const runtime = getRuntime();
  const token = (await cookies()).get(sessionCookieName(runtime.env))?.value;
  return token ? findActorByToken(runtime.db, token) : null;
}

/**
 * The signed-in actor, else a redirect to the sign-in page. A user whose tenant requires a second factor they
 * have not set up is sent to their Account page first (which passes `whileEnrolling`).
 */
export async function requirePageActor({ whileEnrolling = false }: { whileEnrolling?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustEnrolTotp && !whileEnrolling) redirect("/account");
  return actor;
}

/** Where a user lands after signing in: supervisors on their phone page, everyone else on the NOC. */
export function homePath(role: UserRole): string {
  return role === "supervisor" ? "/m" : "/";
}
