import { AppError } from "../observability/app-error";
import type { Actor } from "./actor";

/** Tenants are the installation operator's business; every other user gets a 403. */
export function assertSuperAdmin(actor: Actor): void {
  if (!actor.isSuperAdmin) throw new AppError("forbidden", "Only the installation's super-admin manages tenants.");
}
