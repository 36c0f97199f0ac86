// POST /api/v1/alerts/:id/notes {text} - add an operator's note to the alert's timeline.
import { z } from "zod";
import { alertNoteInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { addAlertNote } from "@/server/services/alerts/add-alert-note";

export const POST = apiRoute(
  {
    route: "/api/v1/alerts/:id/notes",
    roles: ["admin", "operator", "supervisor"],
    params: z.object({ id: z.uuid() }),
    body: alertNoteInput,
  },
  async ({ actor, params, body, channel, runtime }) =>
    json(await addAlertNote(runtime.db, actor, params.id, body, channel), 201),
);
