// GET /api/v1/contacts?limit=&cursor= - people notified about alerts, a page at a time. POST {name, phone?, email?} - add one.
import { createContactInput } from "@/server/contracts/api";
import { pageQuery } from "@/server/contracts/pagination";
import { apiRoute, json } from "@/server/http/api-route";
import { listContacts } from "@/server/presenters/contacts/list-contacts";
import { createContact } from "@/server/services/contacts/create-contact";

export const GET = apiRoute(
  { route: "/api/v1/contacts", roles: ["admin"], query: pageQuery },
  ({ actor, query, runtime }) => listContacts(runtime.db, actor, query),
);

export const POST = apiRoute(
  { route: "/api/v1/contacts", roles: ["admin"], body: createContactInput },
  async ({ actor, body, runtime }) => json(await createContact(runtime.db, actor, body), 201),
);
