// Guards: registration, their fixes and violations, their sites, and everyone's newest position.
import { z } from "zod";
import { createGuardInput, guardDto, locationDto, setGuardPinsInput, timeRangeQuery, updateGuardInput } from "../api";
import { latestPositionRow } from "../positions";
import { assignmentDto, assignmentInput, updateAssignmentInput, violationDto } from "../sites";
import { guardPositionDto } from "../socket-events";
import { defineOperation } from "../operation";
import { ADMIN, externalIdParams, MANAGERS } from "./params";

export const listGuards = defineOperation({
  method: "get",
  path: "/api/v1/guards",
  summary: "The tenant's guards.",
  tag: "Guards",
  response: { status: 200, description: "The guards.", schema: z.array(guardDto) },
});

export const createGuard = defineOperation({
  method: "post",
  path: "/api/v1/guards",
  summary: "Register a guard. Its id may not be held by any guard or device of any tenant (409).",
  tag: "Guards",
  roles: MANAGERS,
  body: createGuardInput,
  response: { status: 201, description: "The new guard.", schema: guardDto },
  errors: [409],
  errorNotes: {
    422: "Invalid input, or an externalId that cannot be used (taken in any tenant); `issues` names it.",
  },
});

export const updateGuard = defineOperation({
  method: "patch",
  path: "/api/v1/guards/{externalId}",
  summary:
    "Change a guard's name or phone, or deactivate (active: false) or reactivate them. A deactivated guard keeps " +
    "their history and assignments, but none of their shifts count: no geofence, man-down or patrol alerts.",
  tag: "Guards",
  roles: MANAGERS,
  params: externalIdParams,
  body: updateGuardInput,
  response: { status: 200, description: "The guard as saved.", schema: guardDto },
  errors: [404],
});

export const listGuardLocations = defineOperation({
  method: "get",
  path: "/api/v1/guards/{externalId}/locations",
  summary: "The guard's fixes in a time range, oldest first.",
  tag: "Guards",
  params: externalIdParams,
  query: timeRangeQuery,
  response: { status: 200, description: "The fixes.", schema: z.array(locationDto) },
  errors: [404],
});

export const listGuardViolations = defineOperation({
  method: "get",
  path: "/api/v1/guards/{externalId}/violations",
  summary: "The guard's confirmed geofence violations in a time range, oldest first, each with why it was raised.",
  tag: "Guards",
  params: externalIdParams,
  query: timeRangeQuery,
  response: { status: 200, description: "The violations.", schema: z.array(violationDto) },
  errors: [404],
});

export const listAssignments = defineOperation({
  method: "get",
  path: "/api/v1/guards/{externalId}/assignments",
  summary: "The sites the guard is assigned to, with their weekly shifts.",
  tag: "Guards",
  params: externalIdParams,
  response: { status: 200, description: "The assignments.", schema: z.array(assignmentDto) },
  errors: [404],
});

export const assignGuard = defineOperation({
  method: "post",
  path: "/api/v1/guards/{externalId}/assignments",
  summary:
    "Assign the guard to a site with weekly shifts and, for a lone worker, check-ins every checkInMinutes " +
    "(assigning again replaces all of them).",
  tag: "Guards",
  roles: MANAGERS,
  params: externalIdParams,
  body: assignmentInput,
  response: { status: 201, description: "The assignment.", schema: assignmentDto },
  errors: [404, 409],
  errorNotes: { 404: "No such guard in the caller's tenant.", 409: "The guard is deactivated: reactivate them first." },
});

export const setGuardPins = defineOperation({
  method: "put",
  path: "/api/v1/guards/{externalId}/pins",
  summary:
    "Set the guard's PIN and duress PIN (4-8 digits each, different). The guard app asks for the PIN to cancel a " +
    "pre-alarm or a man-down; the duress PIN answers the same on the phone but raises a silent critical duress " +
    "alert. Neither is ever returned (the guard shows hasPins).",
  tag: "Guards",
  roles: ADMIN,
  params: externalIdParams,
  body: setGuardPinsInput,
  response: { status: 204, description: "Set." },
  errors: [404],
});

const assignmentParams = z.object({ externalId: externalIdParams.shape.externalId, siteId: z.uuid() });

export const updateAssignment = defineOperation({
  method: "patch",
  path: "/api/v1/guards/{externalId}/assignments/{siteId}",
  summary:
    "Change some of an assignment's settings: shifts, time zone, and the lone-worker check-ins (checkInMinutes, " +
    "null for none, and graceSeconds after the pre-alarm before a check-in-missed alert).",
  tag: "Guards",
  roles: MANAGERS,
  params: assignmentParams,
  body: updateAssignmentInput,
  response: { status: 200, description: "The assignment as saved.", schema: assignmentDto },
  errors: [404],
  errorNotes: { 404: "No such guard, or the guard is not assigned to that site." },
});

export const unassignGuard = defineOperation({
  method: "delete",
  path: "/api/v1/guards/{externalId}/assignments/{siteId}",
  summary: "The guard no longer works at that site.",
  tag: "Guards",
  roles: MANAGERS,
  params: assignmentParams,
  response: { status: 204, description: "Unassigned." },
  errors: [404],
  errorNotes: { 404: "No such guard, or the guard is not assigned to that site." },
});

export const listPositions = defineOperation({
  method: "get",
  path: "/api/v1/positions",
  summary: "Every guard's newest position.",
  tag: "Guards",
  response: { status: 200, description: "The positions.", schema: z.array(guardPositionDto) },
});

export const listLatestPositions = defineOperation({
  method: "get",
  path: "/api/v1/positions/latest",
  summary: "Every guard's newest position, one compact row per guard (what the NOC console loads).",
  tag: "Guards",
  response: { status: 200, description: "The positions.", schema: z.array(latestPositionRow) },
});
