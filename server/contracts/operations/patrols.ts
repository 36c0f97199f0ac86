// Patrols: a site's checkpoints and tours, and the tours' runs.
import { z } from "zod";
import { defineOperation } from "../operation";
import {
  checkpointDto,
  checkpointInput,
  checkpointPatch,
  tourDto,
  tourInput,
  tourPatch,
  tourRunDto,
  tourRunsQuery,
} from "../patrols";
import { MANAGERS, uuidParams } from "./params";

const checkpointParams = z.object({ id: z.uuid(), checkpointId: z.uuid() });
const tourParams = z.object({ id: z.uuid(), tourId: z.uuid() });
const tag = "Patrols";

export const listCheckpoints = defineOperation({
  method: "get",
  path: "/api/v1/sites/{id}/checkpoints",
  summary: "The site's checkpoints.",
  tag,
  params: uuidParams,
  response: { status: 200, description: "The checkpoints.", schema: z.array(checkpointDto) },
  errors: [404],
});

export const createCheckpoint = defineOperation({
  method: "post",
  path: "/api/v1/sites/{id}/checkpoints",
  summary: "Add a checkpoint, proven by scanning its code and/or a GPS fix within radiusM of its point.",
  tag,
  roles: MANAGERS,
  params: uuidParams,
  body: checkpointInput,
  response: { status: 201, description: "The new checkpoint with its code.", schema: checkpointDto },
  errors: [404, 409],
});

export const getCheckpoint = defineOperation({
  method: "get",
  path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
  summary: "One checkpoint.",
  tag,
  params: checkpointParams,
  response: { status: 200, description: "The checkpoint.", schema: checkpointDto },
  errors: [404],
});

export const updateCheckpoint = defineOperation({
  method: "patch",
  path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
  summary: "Edit a checkpoint.",
  tag,
  roles: MANAGERS,
  params: checkpointParams,
  body: checkpointPatch,
  response: { status: 200, description: "The checkpoint as saved.", schema: checkpointDto },
  errors: [404, 409],
});

export const deleteCheckpoint = defineOperation({
  method: "delete",
  path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
  summary: "Remove a checkpoint from the site and its tours.",
  tag,
  roles: MANAGERS,
  params: checkpointParams,
  response: { status: 204, description: "Removed." },
  errors: [404, 409],
  errorNotes: { 409: "It is the only checkpoint of a tour: edit or delete the tour first." },
});

export const listTours = defineOperation({
  method: "get",
  path: "/api/v1/sites/{id}/tours",
  summary: "The site's tours.",
  tag,
  params: uuidParams,
  response: { status: 200, description: "The tours.", schema: z.array(tourDto) },
  errors: [404],
});

export const createTour = defineOperation({
  method: "post",
  path: "/api/v1/sites/{id}/tours",
  summary:
    "Add a tour: due at startAt (then every repeatMinutes, inside the assigned guards' shifts), its checkpoints " +
    "to be visited (in order when ordered) within windowMinutes.",
  tag,
  roles: MANAGERS,
  params: uuidParams,
  body: tourInput,
  response: { status: 201, description: "The new tour.", schema: tourDto },
  errors: [404],
});

export const getTour = defineOperation({
  method: "get",
  path: "/api/v1/sites/{id}/tours/{tourId}",
  summary: "One tour.",
  tag,
  params: tourParams,
  response: { status: 200, description: "The tour.", schema: tourDto },
  errors: [404],
});

export const updateTour = defineOperation({
  method: "patch",
  path: "/api/v1/sites/{id}/tours/{tourId}",
  summary: "Edit a tour; runs already due keep the checkpoints they were made with.",
  tag,
  roles: MANAGERS,
  params: tourParams,
  body: tourPatch,
  response: { status: 200, description: "The tour as saved.", schema: tourDto },
  errors: [404],
});

export const deleteTour = defineOperation({
  method: "delete",
  path: "/api/v1/sites/{id}/tours/{tourId}",
  summary: "End a tour: no more runs; its past runs stay in the history and the reports.",
  tag,
  roles: MANAGERS,
  params: tourParams,
  response: { status: 204, description: "Ended." },
  errors: [404],
});

export const listTourRuns = defineOperation({
  method: "get",
  path: "/api/v1/tour-runs",
  summary: "Patrol runs, newest first, with each checkpoint's visit (time, method, guard) or miss.",
  tag,
  query: tourRunsQuery,
  response: { status: 200, description: "The runs.", schema: z.array(tourRunDto) },
});
