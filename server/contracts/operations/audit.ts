// The audit log: read-only (no operation edits or deletes an entry; the database refuses it too).
import { auditEventDto, listAuditEventsQuery } from "../audit";
import { defineOperation } from "../operation";
import { pageOf } from "../pagination";
import { MANAGERS } from "./params";

export const listAuditEvents = defineOperation({
  method: "get",
  path: "/api/v1/audit-events",
  summary:
    "Who changed what in the tenant, newest first: the entity before and after (secrets redacted), when, and from " +
    'where (address, user agent). Filter by actor (id or email), entity, action and time; paged by cursor (also the Link header\'s rel="next").',
  tag: "Admin",
  roles: MANAGERS,
  query: listAuditEventsQuery,
  response: {
    status: 200,
    description: "A page of entries and the cursor of the next.",
    schema: pageOf(auditEventDto),
  },
});
