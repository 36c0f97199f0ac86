// Turns PostgreSQL's unique violation into an answer that names the field: a
// 409 where the row in the way is the caller's own, and for values unique
// across tenants (MQTT ids, user emails) the 422 of any other unusable value,
// which says nothing of whether, or in which tenant, the value exists.
import { AppError } from "../observability/app-error";

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export async function conflictOnDuplicate<T>(field: string, message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", message, { issues: [{ path: field, message }] });
    throw error;
  }
}

/** For a value unique across tenants: taken anywhere is the same 422 as any other value that cannot be used. */
export async function unavailableOnDuplicate<T>(field: string, message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_input", message, { issues: [{ path: field, message }] });
    throw error;
  }
}
