// POST /api/v1/alerts/:id/notes {text} - add an operator's note to the alert's timeline.
import * as op from "@/server/contracts/operations/alerts";
import { apiRoute } from "@/server/http/api-route";
import { addAlertNote } from "@/server/services/alerts/add-alert-note";

export const POST = apiRoute(op.addAlertNote, ({ actor, params, body, channel, runtime }) =>
  addAlertNote(runtime.db, actor, params.id, body, channel),
);
