// How an audit entry reads on the page: the fields that changed (all of them
// for a creation or a deletion) as short texts, and where the entity's own
// page is.
type FieldChange = { field: string; before: string | null; after: string | null };

const MAX_TEXT = 160;

/** A value as a short text; null (shown as a dash) when there is none. */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX_TEXT ? `${shown.slice(0, MAX_TEXT - 1)}…` : shown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Shown beside the entry already (its id) or never changed by anyone (creation time): left out of the list.
const NOT_LISTED = new Set(["id", "createdAt"]);

/** The fields whose value differs between before and after, in the order they first appear. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: "", before: text(before), after: text(after) }];
  }
  const was = isRecord(before) ? before : {};
  const is = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return fields
    .filter((f) => !NOT_LISTED.has(f) && JSON.stringify(was[f]) !== JSON.stringify(is[f]))
    .map((field) => ({ field, before: text(was[field]), after: text(is[field]) }));
}

const PAGES: Record<string, (id: string) => string> = {
  alert: (id) => `/alerts/${id}`,
  device: (id) => `/devices/${encodeURIComponent(id)}`,
  guard: (id) => `/guards/${encodeURIComponent(id)}`,
  site: (id) => `/sites/${id}`,
};

/** The entity's page, when it has one (a deleted entity's link leads to its "not found"). */
export function entityHref(entityType: string, entityId: string): string | null {
  return PAGES[entityType]?.(entityId) ?? null;
}
