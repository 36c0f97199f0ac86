// GET /api/v1/audit-events?actor=&entityType=&entityId=&action=&from=&to=&limit=&cursor= - the tenant's audit log,
// newest first (admins and managers). No other method: entries are never edited or deleted.
import * as op from "@/server/contracts/operations/audit";
import { apiRoute, json } from "@/server/http/api-route";
import { listAuditEvents } from "@/server/presenters/audit/list-audit-events";

export const GET = apiRoute(op.listAuditEvents, async ({ actor, query, request, runtime }) => {
  const page = await listAuditEvents(runtime.db, actor, query);
  if (!page.nextCursor) return page;
  const next = new URL(request.url);
  next.searchParams.set("cursor", page.nextCursor);
  return json(page, 200, { link: `<${next.pathname}${next.search}>; rel="next"` });
});
