// Tells a row PostgreSQL refuses (data or constraint error: retrying the same
// row will fail again) from the database being unreachable (retry later).
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(22|23)/.test(code);
}
