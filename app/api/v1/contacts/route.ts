// GET /api/v1/contacts?limit=&cursor= - people notified about alerts, a page at a time. POST {name, phone?, email?} - add one.
import * as op from "@/server/contracts/operations/notifications";
import { apiRoute } from "@/server/http/api-route";
import { listContacts } from "@/server/presenters/contacts/list-contacts";
import { createContact } from "@/server/services/contacts/create-contact";

export const GET = apiRoute(op.listContacts, ({ actor, query, runtime }) => listContacts(runtime.db, actor, query));

export const POST = apiRoute(op.createContact, ({ actor, body, runtime }) => createContact(runtime.db, actor, body));
