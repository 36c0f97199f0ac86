// Page-side session check (server components and actions): the same lookup
// as the API wrapper, reading the httpOnly cookie.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime";
import type { UserRole } from "../contracts/api";
import type { Actor } from "../services/actor";
import { findActorByToken } from "../services/auth/find-actor-by-token";
import { SESSION_COOKIE } from "../services/auth/session-token";

export async function currentActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? findActorByToken(getRuntime().db, token) : null;
}

export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** Where a user lands after signing in: supervisors on their phone page, everyone else on the NOC. */
export function homePath(role: UserRole): string {
  return role === "supervisor" ? "/m" : "/";
}
