// Turns PostgreSQL's unique violation into an answer that names the field: a
// 409 where the row in the way is the caller's own, and for values unique
// across tenants (MQTT ids, user emails) taken in another tenant the 422 of
// any other unusable value, which says nothing of whether, or where, it exists.
import { AppError } from "../observability/app-error";

function isUniqueViolation(error: unknown): boolean {
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

/**
 * For a value unique across tenants: taken in the caller's own tenant is a 409 (`conflict`, which the caller can
 * see anyway and scripts treat as "already there"); taken in another tenant is the 422 of any value that cannot be
 * used (`unavailable`), which says nothing of whether, or where, it exists.
 */
export async function refuseDuplicate<T>({
  field,
  conflict,
  unavailable,
  takenByCaller,
  work,
}: {
  field: string;
  conflict: string;
  unavailable: string;
  /** Whether the row in the way is the caller's tenant's own. */
  takenByCaller: () => Promise<boolean>;
  work: () => Promise<T>;
}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (await takenByCaller())
      throw new AppError("conflict", conflict, { issues: [{ path: field, message: conflict }] });
    throw new AppError("invalid_input", unavailable, { issues: [{ path: field, message: unavailable }] });
  }
}
