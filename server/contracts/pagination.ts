// Cursor pagination shared by the list APIs: `?limit=&cursor=` in, `{items,
// nextCursor}` out. The cursor is opaque to clients (the last row's sort key).
import { z, type ZodType } from "zod";

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The schema of a page of `item`s. */
export function pageOf<T>(item: ZodType<T>) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last one."),
  });
}

/** Rows per page on the admin pages. */
export const ADMIN_PAGE_SIZE = 50;
