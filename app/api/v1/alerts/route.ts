// GET /api/v1/alerts?status=&severity=&siteId=&type=&guard=&q=&since=&until=&order=&limit=&offset=|cursor=&format= -
// alerts, most severe first (order=severity, by offset) or newest first (order=newest, by cursor), or as CSV.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute, json } from "@/server/http/api-route";
import { alertHistoryCsv, listAlertHistory } from "@/server/presenters/alerts/list-alert-history";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";

export const GET = apiRoute(op.listAlerts, async ({ actor, query, request, runtime }) => {
  if (query.format === "csv") {
    return new Response(await alertHistoryCsv(runtime.db, actor, query), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="vigil-alerts-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  if (query.order === "severity") return listAlerts(runtime.db, actor, query);
  // The body stays a list, as for order=severity; the next page is in the Link header (RFC 8288).
  const page = await listAlertHistory(runtime.db, actor, query);
  if (!page.nextCursor) return page.items;
  const next = new URL(request.url);
  next.searchParams.set("cursor", page.nextCursor);
  return json(page.items, 200, { link: `<${next.pathname}${next.search}>; rel="next"` });
});
