// Alerts: the queue, one alert, its state changes, and the tenant's alert rules.
import {
  alertDetailDto,
  alertEventDto,
  alertListItemDto,
  alertNoteInput,
  listAlertsQuery,
  resolveAlertInput,
} from "../alert-api";
import { alertRulesInput } from "../alert-rules";
import { defineOperation } from "../operation";
import { ADMIN, uuidParams } from "./params";

export const listAlerts = defineOperation({
  method: "get",
  path: "/api/v1/alerts",
  summary:
    "Alerts, most severe first, then newest (order=severity, paged by offset), or the history newest first " +
    '(order=newest, paged by cursor: the Link header\'s rel="next" is the next page), or as CSV (format=csv).',
  tag: "Alerts",
  query: listAlertsQuery,
  response: {
    status: 200,
    description: "A page of alerts (format=json), or the matching alerts as a CSV download (format=csv).",
    schema: alertListItemDto.array(),
    csv: true,
  },
});

export const addAlertNote = defineOperation({
  method: "post",
  path: "/api/v1/alerts/{id}/notes",
  summary: "Add an operator's note to the alert's timeline (open or resolved).",
  tag: "Alerts",
  roles: ["admin", "operator", "supervisor"],
  params: uuidParams,
  body: alertNoteInput,
  response: { status: 201, description: "The note as it appears in the alert's events.", schema: alertEventDto },
  errors: [404],
});

export const getAlert = defineOperation({
  method: "get",
  path: "/api/v1/alerts/{id}",
  summary: "One alert with its event log and deliveries.",
  tag: "Alerts",
  params: uuidParams,
  response: { status: 200, description: "The alert.", schema: alertDetailDto },
  errors: [404],
});

export const claimAlert = defineOperation({
  method: "post",
  path: "/api/v1/alerts/{id}/claim",
  summary: "Take an open alert; 409 names who already has it.",
  tag: "Alerts",
  roles: ["admin", "operator"],
  params: uuidParams,
  response: { status: 200, description: "Claimed: the alert.", schema: alertDetailDto },
  errors: [404, 409],
});

export const acknowledgeAlert = defineOperation({
  method: "post",
  path: "/api/v1/alerts/{id}/acknowledge",
  summary: "NEW -> ACKNOWLEDGED; 409 names who was first.",
  tag: "Alerts",
  roles: ["admin", "operator", "supervisor"],
  params: uuidParams,
  response: { status: 200, description: "Acknowledged: the alert.", schema: alertDetailDto },
  errors: [404, 409],
});

export const resolveAlert = defineOperation({
  method: "post",
  path: "/api/v1/alerts/{id}/resolve",
  summary: "Close the alert with an outcome.",
  tag: "Alerts",
  roles: ["admin", "operator", "supervisor"],
  params: uuidParams,
  body: resolveAlertInput,
  response: { status: 200, description: "Resolved: the alert.", schema: alertDetailDto },
  errors: [404, 409],
});

export const getAlertRules = defineOperation({
  method: "get",
  path: "/api/v1/alert-rules",
  summary: "The tenant's alert rules.",
  tag: "Alerts",
  response: { status: 200, description: "The rules.", schema: alertRulesInput },
});

export const setAlertRules = defineOperation({
  method: "put",
  path: "/api/v1/alert-rules",
  summary: "Replace the tenant's alert rules.",
  tag: "Alerts",
  roles: ADMIN,
  body: alertRulesInput,
  response: { status: 200, description: "The rules as saved.", schema: alertRulesInput },
});
