// /admin/audit - the tenant's audit log (admins and managers): who changed
// what, before and after, when and from where; filtered, newest first, a page
// at a time (keyset). Nothing here edits or deletes an entry.
import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntryChanges } from "@/components/admin/audit-entry-changes";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit-filters";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { entityHref } from "@/components/admin/audit-display";
import { DateTime } from "@/components/ui/date-time";
import type { Actor } from "@/server/auth/actor";
import { requirePageActor } from "@/server/auth/page-auth";
import { listAuditEventsQuery } from "@/server/contracts/audit";
import { listAuditEvents as readAuditLog } from "@/server/contracts/operations/audit";
import { ADMIN_PAGE_SIZE } from "@/server/contracts/pagination";
import { AppError } from "@/server/observability/app-error";
import { listAuditEvents } from "@/server/presenters/audit/list-audit-events";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../../console-frame";
import "../../styles/alert-page.css";
import "../../styles/admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The query's own values (the first of repeated ones), empty fields left out. */
function given(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.trim()) values[key] = first.trim();
  }
  return values;
}

/** This list with the same filters, from its first page or from a cursor. */
function pageHref(raw: Record<string, string>, cursor?: string): string {
  const params = new URLSearchParams(raw);
  params.delete("cursor");
  if (cursor) params.set("cursor", cursor);
  return `/admin/audit?${params.toString()}`;
}

async function loadPage(actor: Actor, raw: Record<string, string>) {
  const parsed = listAuditEventsQuery.safeParse({ ...raw, limit: ADMIN_PAGE_SIZE });
  if (!parsed.success) {
    return { page: null, problem: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  }
  try {
    return { page: await listAuditEvents(getRuntime().db, actor, parsed.data), problem: null };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
    return { page: null, problem: error.message };
  }
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const allowed = readAuditLog.roles?.includes(actor.role) ?? true;
  const raw = given(await searchParams);
  const { page, problem } = allowed ? await loadPage(actor, raw) : { page: null, problem: null };
  const initial: AuditFilterValues = {
    actor: raw.actor ?? "",
    entityType: raw.entityType ?? "",
    entityId: raw.entityId ?? "",
    action: raw.action ?? "",
    fromDay: raw.fromDay ?? "",
    toDay: raw.toDay ?? "",
  };
  return (
    <ConsoleFrame actor={actor}>
      <main className="page page-wide">
        <div className="page-header">
          <h1>Audit log</h1>
          <span className="muted">Who changed what, when, and from where</span>
        </div>
        {!allowed && <ForbiddenNotice who="admins and managers" />}
        {allowed && <AuditFilters key={JSON.stringify(initial)} initial={initial} />}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        {page && page.items.length === 0 && <p className="empty">No change matches these filters.</p>}
        {page && page.items.length > 0 && (
          <table className="data-table audit-log" aria-label="Audit log">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Entity</th>
                <th>Change</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => {
                const href = entityHref(e.entityType, e.entityId);
                const history = pageHref({ entityType: e.entityType, entityId: e.entityId });
                return (
                  <tr key={e.id} data-audit-event={e.id}>
                    <td data-label="When">
                      <DateTime iso={e.at} />
                    </td>
                    <td data-label="Who">
                      {e.actor ? (
                        <>
                          {e.actor.email} <span className="muted small">{e.actor.role}</span>
                        </>
                      ) : (
                        <span className="muted">a contact (signed link)</span>
                      )}
                    </td>
                    <td data-label="Action" className="primary">
                      {e.action.replace(/_/g, " ")} {e.entityType.replace(/_/g, " ")}
                    </td>
                    <td data-label="Entity">
                      {href ? <Link href={href}>{e.entityId}</Link> : <span>{e.entityId}</span>}{" "}
                      <Link className="small" href={history}>
                        history
                      </Link>
                    </td>
                    <td data-label="Change">
                      {e.withheld ? (
                        <span className="muted">details for admins only</span>
                      ) : (
                        <AuditEntryChanges before={e.before} after={e.after} />
                      )}
                    </td>
                    <td data-label="From">
                      {e.ip ?? "—"} <span className="muted small">{e.channel}</span>
                      {e.userAgent && <div className="muted small user-agent">{e.userAgent}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <nav className="pager" aria-label="Pages">
          {raw.cursor ? <Link href={pageHref(raw)}>← Newest</Link> : <span />}
          <span />
          {page?.nextCursor ? <Link href={pageHref(raw, page.nextCursor)}>Older →</Link> : <span />}
        </nav>
      </main>
    </ConsoleFrame>
  );
}
