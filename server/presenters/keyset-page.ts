// Keyset pagination for the list presenters: rows are ordered by a sort key
// and the id, and the cursor carries the last row's pair, so a page stays
// stable while rows are added (no offsets that shift).
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Page } from "../contracts/pagination";
import { AppError } from "../observability/app-error";

type Key = [sortKey: string, id: string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The cursor's pair; `idPattern` is the id column's form (uuid unless told, digits for a bigserial). */
export function decodeCursor(cursor: string, idPattern: RegExp = UUID): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === "string" && idPattern.test(String(key[1]))) {
      return key as Key;
    }
  } catch {
    // falls through to the 422 below
  }
  const message = "not a cursor from this list (use nextCursor as given)";
  throw new AppError("invalid_input", `Invalid query.cursor: ${message}`, {
    issues: [{ path: "query.cursor", message }],
  });
}

/** `(sortColumn, id) > cursor`, or nothing on the first page. */
export function afterCursor(sortColumn: AnyColumn, idColumn: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [sortKey, id] = decodeCursor(cursor);
  return sql`(${sortColumn}, ${idColumn}) > (${sortKey}, ${id}::uuid)`;
}

/** Rows were fetched with limit + 1: the extra row says whether there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, toDto: (row: R) => T, keyOf: (row: R) => Key): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
