// GET /api/v1/contacts - people notified about alerts. POST {name, phone?, email?} - add one.
import { createContactInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listContacts } from "@/server/presenters/contacts/list-contacts";
import { createContact } from "@/server/services/contacts/create-contact";

export const GET = apiRoute({ route: "/api/v1/contacts" }, ({ actor, runtime }) => listContacts(runtime.db, actor));

export const POST = apiRoute(
  { route: "/api/v1/contacts", roles: ["admin"], body: createContactInput },
  async ({ actor, body, runtime }) => json(await createContact(runtime.db, actor, body), 201),
);
