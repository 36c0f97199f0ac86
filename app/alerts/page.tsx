// /alerts - the alert history: every alert, newest first, filtered by status,
// type, severity, site, guard, days and text, a page at a time (keyset), with
// the same selection as a CSV download.
import type { Metadata } from "next";
import Link from "next/link";
import { mapHref, severityTone, statusLabel, statusTone } from "@/components/alerts/alert-labels";
import { HistoryFilters, type HistoryFilterValues } from "@/components/alerts/history-filters";
import { DateTime } from "@/components/ui/date-time";
import { requirePageActor } from "@/server/auth/page-auth";
import { listAlertsQuery } from "@/server/contracts/alert-api";
import { AppError } from "@/server/observability/app-error";
import { listAlertHistory } from "@/server/presenters/alerts/list-alert-history";
import { listAlertTypes } from "@/server/presenters/alerts/list-alert-types";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import "../styles/alert-page.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alert history" };

const PAGE_SIZE = 50;
const FILTER_KEYS = ["q", "status", "severity", "type", "siteId", "guard", "since", "until"] as const;

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
  return `/alerts?${params.toString()}`;
}

export default async function AlertHistoryPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const { db } = getRuntime();
  const raw = given(await searchParams);
  const parsed = listAlertsQuery.safeParse({ ...raw, order: "newest", limit: PAGE_SIZE });
  const [sites, types] = await Promise.all([listSites(db, actor), listAlertTypes(db, actor)]);
  let page = null;
  let problem = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  if (parsed.success) {
    try {
      page = await listAlertHistory(db, actor, parsed.data);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
      problem = error.message;
    }
  }
  const filter = new URLSearchParams(FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const initial: HistoryFilterValues = {
    q: raw.q ?? "",
    status: raw.status ?? "",
    severity: raw.severity ?? "",
    type: raw.type ?? "",
    siteId: raw.siteId ?? "",
    guard: raw.guard ?? "",
    from: raw.from ?? "",
    to: raw.to ?? "",
  };
  return (
    <main className="page page-wide">
      <div className="page-header">
        <h1>Alert history</h1>
        <span className="spacer" />
        <a className="btn-ghost" href={`/api/v1/alerts?${filter.toString()}&order=newest&format=csv`} download>
          Download CSV
        </a>
      </div>
      <HistoryFilters key={JSON.stringify(initial)} initial={initial} sites={sites} types={types} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {page && page.items.length === 0 && <p className="empty">No alert matches these filters.</p>}
      {page && page.items.length > 0 && (
        <table className="data-table alert-history" aria-label="Alerts">
          <thead>
            <tr>
              <th>Raised</th>
              <th>Alert</th>
              <th>Severity</th>
              <th>Status</th>
              <th>Source</th>
              <th>Site</th>
              <th>Message</th>
              <th>Map</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((a) => {
              const onMap = mapHref(a);
              return (
                <tr key={a.id} data-alert={a.id}>
                  <td data-label="Raised">
                    <DateTime iso={a.createdAt} />
                  </td>
                  <td data-label="Alert" className="primary">
                    <Link href={`/alerts/${a.id}`}>{a.type}</Link>
                    {a.count > 1 ? <span className="muted"> ×{a.count}</span> : null}
                  </td>
                  <td data-label="Severity">
                    <span className="badge" data-tone={severityTone[a.severity]}>
                      {a.severity}
                    </span>
                  </td>
                  <td data-label="Status">
                    <span className="badge" data-tone={statusTone[a.status]}>
                      {statusLabel[a.status]}
                    </span>
                  </td>
                  <td data-label="Source">
                    {a.sourceName || a.sourceExternalId} <span className="muted small">{a.sourceExternalId}</span>
                  </td>
                  <td data-label="Site">{(a.siteId && siteName.get(a.siteId)) ?? "—"}</td>
                  <td data-label="Message">{a.message || "—"}</td>
                  <td data-label="Map">{onMap ? <Link href={onMap}>Show on map</Link> : "—"}</td>
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
  );
}
