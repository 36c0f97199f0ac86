// One audit entry's change: the fields that changed, old value struck
// through beside the new one, and the whole before and after as JSON under a
// disclosure (for what the short texts cut).
import { auditChanges } from "./audit-display";

export function AuditEntryChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  const created = before === null || before === undefined;
  const deleted = after === null || after === undefined;
  if (changes.length === 0) return <span className="muted">no field changed</span>;
  return (
    <div className="audit-change">
      <dl>
        {changes.map((c) => (
          <div key={c.field}>
            {c.field && <dt>{c.field}</dt>}
            <dd>
              {created ? (
                (c.after ?? "—")
              ) : deleted ? (
                <del>{c.before ?? "—"}</del>
              ) : (
                <>
                  <del>{c.before ?? "—"}</del> → <ins>{c.after ?? "—"}</ins>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <details>
        <summary className="small">before and after</summary>
        <pre>{JSON.stringify({ before, after }, null, 2)}</pre>
      </details>
    </div>
  );
}
