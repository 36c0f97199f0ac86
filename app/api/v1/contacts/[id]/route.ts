// PATCH /api/v1/contacts/:id {name?, phone?, email?} - change a contact (null removes a phone or an email).
// DELETE /api/v1/contacts/:id - remove it: out of every policy, skipped by escalations in flight, recorded.
import * as op from "@/server/contracts/operations/notifications";
import { apiRoute } from "@/server/http/api-route";
import { deleteContact } from "@/server/services/contacts/delete-contact";
import { updateContact } from "@/server/services/contacts/update-contact";

export const PATCH = apiRoute(op.updateContact, ({ actor, params, body, runtime }) =>
  updateContact(runtime.db, actor, params.id, body),
);

export const DELETE = apiRoute(op.deleteContact, ({ actor, params, runtime }) =>
  deleteContact(runtime.db, actor, params.id),
);
