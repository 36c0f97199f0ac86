// The patrol operations (checkpoints, tours, tour runs) for the OpenAPI document.
import { z } from "zod";
import {
  checkpointDto,
  checkpointInput,
  checkpointPatch,
  tourDto,
  tourInput,
  tourPatch,
  tourRunDto,
  tourRunsQuery,
} from "../contracts/patrols";
import type { Operation } from "./operations";

const MANAGERS = ["admin", "manager"] as const;
const siteParams = z.object({ id: z.uuid() });
const checkpointParams = z.object({ id: z.uuid(), checkpointId: z.uuid() });
const tourParams = z.object({ id: z.uuid(), tourId: z.uuid() });
const tag = "Patrols";

export const patrolOperations: Operation[] = [
  {
    path: "/api/v1/sites/{id}/checkpoints",
    method: "get",
    summary: "The site's checkpoints.",
    tag,
    params: siteParams,
    success: { status: 200, description: "The checkpoints.", schema: z.array(checkpointDto) },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/checkpoints",
    method: "post",
    summary: "Add a checkpoint, proven by scanning its code and/or a GPS fix within radiusM of its point.",
    tag,
    roles: MANAGERS,
    params: siteParams,
    body: checkpointInput,
    success: { status: 201, description: "The new checkpoint with its code.", schema: checkpointDto },
    errors: [404, 409],
  },
  {
    path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
    method: "get",
    summary: "One checkpoint.",
    tag,
    params: checkpointParams,
    success: { status: 200, description: "The checkpoint.", schema: checkpointDto },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
    method: "patch",
    summary: "Edit a checkpoint.",
    tag,
    roles: MANAGERS,
    params: checkpointParams,
    body: checkpointPatch,
    success: { status: 200, description: "The checkpoint as saved.", schema: checkpointDto },
    errors: [404, 409],
  },
  {
    path: "/api/v1/sites/{id}/checkpoints/{checkpointId}",
    method: "delete",
    summary: "Remove a checkpoint from the site and its tours.",
    tag,
    roles: MANAGERS,
    params: checkpointParams,
    success: { status: 204, description: "Removed." },
    errors: [404, 409],
    errorNotes: { 409: "It is the only checkpoint of a tour: edit or delete the tour first." },
  },
  {
    path: "/api/v1/sites/{id}/tours",
    method: "get",
    summary: "The site's tours.",
    tag,
    params: siteParams,
    success: { status: 200, description: "The tours.", schema: z.array(tourDto) },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/tours",
    method: "post",
    summary:
      "Add a tour: due at startAt (then every repeatMinutes, inside the assigned guards' shifts), its checkpoints " +
      "to be visited (in order when ordered) within windowMinutes.",
    tag,
    roles: MANAGERS,
    params: siteParams,
    body: tourInput,
    success: { status: 201, description: "The new tour.", schema: tourDto },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/tours/{tourId}",
    method: "get",
    summary: "One tour.",
    tag,
    params: tourParams,
    success: { status: 200, description: "The tour.", schema: tourDto },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/tours/{tourId}",
    method: "patch",
    summary: "Edit a tour; runs already due keep the checkpoints they were made with.",
    tag,
    roles: MANAGERS,
    params: tourParams,
    body: tourPatch,
    success: { status: 200, description: "The tour as saved.", schema: tourDto },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}/tours/{tourId}",
    method: "delete",
    summary: "End a tour: no more runs; its past runs stay in the history and the reports.",
    tag,
    roles: MANAGERS,
    params: tourParams,
    success: { status: 204, description: "Ended." },
    errors: [404],
  },
  {
    path: "/api/v1/tour-runs",
    method: "get",
    summary: "Patrol runs, newest first, with each checkpoint's visit (time, method, guard) or miss.",
    tag,
    query: tourRunsQuery,
    success: { status: 200, description: "The runs.", schema: z.array(tourRunDto) },
  },
];
