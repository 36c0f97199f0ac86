// Turns PostgreSQL's unique violation into a 409 that names the field.
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
