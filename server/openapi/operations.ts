// Every /api/v1 operation, described once for the OpenAPI document: its path
// (OpenAPI's {param} form), method, who may call it, and the zod schemas of
// its query, body and main answer, taken from server/contracts (the same
// schemas the route handlers parse with). operations.test.ts fails when a
// route.ts under app/api/v1 exports a handler that has no entry here.
import { z, type ZodType } from "zod";
import { createTenantInput, createUserInput, updateUserInput } from "../contracts/admin";
import { alertRulesInput } from "../contracts/alert-rules";
import {
  createContactInput,
  createEscalationPolicyInput,
  createGuardInput,
  listAlertsQuery,
  loginInput,
  registerDeviceInput,
  resolveAlertInput,
  sendCommandInput,
  setConfigInput,
  timeRangeQuery,
  type UserRole,
} from "../contracts/api";
import { mlRoles, startTrainingRunInput } from "../contracts/ml";
import { pageQuery } from "../contracts/pagination";
import {
  linkPushSubscriptionInput,
  pushSubscriptionInput,
  removeLinkPushSubscriptionInput,
  removePushSubscriptionInput,
} from "../contracts/push";
import { listQuarantineQuery, registerQuarantinedInput } from "../contracts/quarantine";
import {
  alertOutcomesReport,
  geofenceViolationsReport,
  reportQuery,
  reportRoles,
  responseTimesReport,
} from "../contracts/reports";
import { assignmentInput, siteInput } from "../contracts/sites";
import { patrolOperations } from "./patrol-operations";
import { alertListItemDto, contactDto, deviceDto, guardDto, latestPositionRow, locationDto } from "./response-schemas";

type Method = "get" | "post" | "put" | "patch" | "delete";

export type Operation = {
  path: string;
  method: Method;
  summary: string;
  tag: string;
  /** false: no session needed (signing in, this document). */
  auth?: false;
  /** Roles allowed; every signed-in role when absent. */
  roles?: readonly UserRole[];
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** The success status and, when the API has a schema for it, the answer's shape. */
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: ZodType; csv?: boolean };
  /** Error statuses this operation answers with besides 401/403/422 (e.g. 404, 409). */
  errors?: readonly number[];
  /** What an error status means here, where the general wording does not fit. */
  errorNotes?: Partial<Record<number, string>>;
};

const uuidParams = z.object({ id: z.uuid() });
const externalIdParams = z.object({ externalId: z.string().min(1).max(128) });
const quarantineParams = z.object({ id: z.coerce.number().int().positive() });
const assignmentParams = z.object({ externalId: z.string().min(1).max(128), siteId: z.uuid() });
const ADMIN = ["admin"] as const;
const MANAGERS = ["admin", "manager"] as const;

const pushSubscriptionDto = z.object({ id: z.uuid(), endpoint: z.string(), createdAt: z.iso.datetime() });
const removedAnswer = z.object({
  removed: z.boolean().describe("false when no such subscription of this owner existed."),
});
const linkErrors = {
  403: "The alert link is invalid or expired, or not for a contact who can receive notifications.",
  404: "The alert no longer exists.",
};

const report = (name: string, summary: string, schema: ZodType): Operation => ({
  path: `/api/v1/reports/${name}`,
  method: "get",
  summary,
  tag: "Reports",
  roles: reportRoles,
  query: reportQuery,
  success: { status: 200, description: "The report (format=json), or a CSV download (format=csv).", schema, csv: true },
});

export const operations: Operation[] = [
  {
    path: "/api/v1/sessions",
    method: "post",
    summary: "Sign in with email and password; answers an API token for the Authorization: Bearer header.",
    tag: "Sessions",
    auth: false,
    body: loginInput,
    success: {
      status: 201,
      description: "Signed in.",
      schema: z.object({ token: z.string(), expiresAt: z.iso.datetime() }),
    },
    errors: [401, 429],
    errorNotes: { 401: "Wrong email or password." },
  },
  {
    path: "/api/v1/sessions/current",
    method: "delete",
    summary: "Sign out: revokes the token or cookie session used for this request.",
    tag: "Sessions",
    success: { status: 204, description: "Signed out." },
  },
  {
    path: "/api/v1/openapi.json",
    method: "get",
    summary: "This document.",
    tag: "Meta",
    auth: false,
    success: { status: 200, description: "The OpenAPI 3.1 document of /api/v1." },
  },
  {
    path: "/api/v1/alerts",
    method: "get",
    summary: "Alerts, most severe first, then newest.",
    tag: "Alerts",
    query: listAlertsQuery,
    success: { status: 200, description: "A page of alerts.", schema: z.array(alertListItemDto) },
  },
  {
    path: "/api/v1/alerts/{id}",
    method: "get",
    summary: "One alert with its event log and deliveries.",
    tag: "Alerts",
    params: uuidParams,
    success: { status: 200, description: "The alert." },
    errors: [404],
  },
  {
    path: "/api/v1/alerts/{id}/claim",
    method: "post",
    summary: "Take an open alert; 409 names who already has it.",
    tag: "Alerts",
    roles: ["admin", "operator"],
    params: uuidParams,
    success: { status: 200, description: "Claimed." },
    errors: [404, 409],
  },
  {
    path: "/api/v1/alerts/{id}/acknowledge",
    method: "post",
    summary: "NEW -> ACKNOWLEDGED; 409 names who was first.",
    tag: "Alerts",
    roles: ["admin", "operator", "supervisor"],
    params: uuidParams,
    success: { status: 200, description: "Acknowledged." },
    errors: [404, 409],
  },
  {
    path: "/api/v1/alerts/{id}/resolve",
    method: "post",
    summary: "Close the alert with an outcome.",
    tag: "Alerts",
    roles: ["admin", "operator", "supervisor"],
    params: uuidParams,
    body: resolveAlertInput,
    success: { status: 200, description: "Resolved." },
    errors: [404, 409],
  },
  {
    path: "/api/v1/alert-rules",
    method: "get",
    summary: "The tenant's alert rules.",
    tag: "Alerts",
    success: { status: 200, description: "The rules.", schema: alertRulesInput },
  },
  {
    path: "/api/v1/alert-rules",
    method: "put",
    summary: "Replace the tenant's alert rules.",
    tag: "Alerts",
    roles: ADMIN,
    body: alertRulesInput,
    success: { status: 200, description: "The rules as saved.", schema: alertRulesInput },
  },
  {
    path: "/api/v1/contacts",
    method: "get",
    summary: "People notified about alerts.",
    tag: "Notifications",
    roles: ADMIN,
    success: { status: 200, description: "The contacts.", schema: z.array(contactDto) },
  },
  {
    path: "/api/v1/contacts",
    method: "post",
    summary: "Add a contact.",
    tag: "Notifications",
    roles: ADMIN,
    body: createContactInput,
    success: { status: 201, description: "The new contact.", schema: contactDto },
  },
  {
    path: "/api/v1/escalation-policies",
    method: "get",
    summary: "Escalation policies: who is told, how, and after how long.",
    tag: "Notifications",
    roles: ADMIN,
    success: { status: 200, description: "The policies." },
  },
  {
    path: "/api/v1/escalation-policies",
    method: "post",
    summary: "Add an escalation policy.",
    tag: "Notifications",
    roles: ADMIN,
    body: createEscalationPolicyInput,
    success: { status: 201, description: "The new policy." },
  },
  {
    path: "/api/v1/devices",
    method: "get",
    summary: "The tenant's devices.",
    tag: "Devices",
    success: { status: 200, description: "The devices.", schema: z.array(deviceDto) },
  },
  {
    path: "/api/v1/devices",
    method: "post",
    summary:
      "Register a device; the answer carries its MQTT credentials, once. Its id may not be held by any guard or device " +
      "of any tenant (409, the same answer whoever holds it) nor be a name reserved for Vigil's MQTT account " +
      "(`vigil-*`, MQTT_USERNAME: 422).",
    tag: "Devices",
    roles: ADMIN,
    body: registerDeviceInput,
    success: { status: 201, description: "The device and its MQTT credentials." },
    errorNotes: {
      422: "Invalid input, or an externalId that cannot be used (taken in any tenant); `issues` names it.",
    },
  },
  {
    path: "/api/v1/devices/{externalId}",
    method: "get",
    summary: "One device with its latest telemetry and system health.",
    tag: "Devices",
    params: externalIdParams,
    success: { status: 200, description: "The device." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}",
    method: "delete",
    summary: "Remove a device (disconnected within 5 s).",
    tag: "Devices",
    roles: ADMIN,
    params: externalIdParams,
    success: { status: 204, description: "Removed." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/revoke",
    method: "post",
    summary: "The device's credentials stop working; it is disconnected within 5 s.",
    tag: "Devices",
    roles: ADMIN,
    params: externalIdParams,
    success: { status: 200, description: "Revoked." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/credentials",
    method: "post",
    summary: "Rotate the device's MQTT password (shown once).",
    tag: "Devices",
    roles: ADMIN,
    params: externalIdParams,
    success: { status: 201, description: "The new credentials." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/commands",
    method: "get",
    summary: "Recent commands to the device and their status.",
    tag: "Devices",
    params: externalIdParams,
    success: { status: 200, description: "The commands." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/commands",
    method: "post",
    summary: "Send a command to the device.",
    tag: "Devices",
    roles: ["admin", "operator"],
    params: externalIdParams,
    body: sendCommandInput,
    success: {
      status: 201,
      description: "Queued.",
      schema: z.object({ id: z.uuid(), status: z.string(), expiresAt: z.iso.datetime() }),
    },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/config",
    method: "get",
    summary: "The device's configuration versions and when each was applied.",
    tag: "Devices",
    roles: ADMIN,
    params: externalIdParams,
    success: { status: 200, description: "The versions." },
    errors: [404],
  },
  {
    path: "/api/v1/devices/{externalId}/config",
    method: "put",
    summary: "Publish a new retained, versioned configuration.",
    tag: "Devices",
    roles: ADMIN,
    params: externalIdParams,
    body: setConfigInput,
    success: {
      status: 201,
      description: "Saved; published by the worker.",
      schema: z.object({ version: z.number().int(), createdAt: z.iso.datetime() }),
    },
    errors: [404],
  },
  {
    path: "/api/v1/guards",
    method: "get",
    summary: "The tenant's guards.",
    tag: "Guards",
    success: { status: 200, description: "The guards.", schema: z.array(guardDto) },
  },
  {
    path: "/api/v1/guards",
    method: "post",
    summary: "Register a guard. Its id may not be held by any guard or device of any tenant (409).",
    tag: "Guards",
    roles: ["admin", "manager"],
    body: createGuardInput,
    success: { status: 201, description: "The new guard.", schema: guardDto },
    errorNotes: {
      422: "Invalid input, or an externalId that cannot be used (taken in any tenant); `issues` names it.",
    },
  },
  {
    path: "/api/v1/guards/{externalId}/locations",
    method: "get",
    summary: "The guard's fixes in a time range, oldest first.",
    tag: "Guards",
    params: externalIdParams,
    query: timeRangeQuery,
    success: { status: 200, description: "The fixes.", schema: z.array(locationDto) },
    errors: [404],
  },
  {
    path: "/api/v1/guards/{externalId}/violations",
    method: "get",
    summary: "The guard's confirmed geofence violations in a time range, oldest first, each with why it was raised.",
    tag: "Guards",
    params: externalIdParams,
    query: timeRangeQuery,
    success: { status: 200, description: "The violations." },
    errors: [404],
  },
  {
    path: "/api/v1/guards/{externalId}/assignments",
    method: "get",
    summary: "The sites the guard is assigned to, with their weekly shifts.",
    tag: "Guards",
    params: externalIdParams,
    success: { status: 200, description: "The assignments." },
    errors: [404],
  },
  {
    path: "/api/v1/guards/{externalId}/assignments",
    method: "post",
    summary: "Assign the guard to a site with weekly shifts (assigning again replaces the shifts).",
    tag: "Guards",
    roles: MANAGERS,
    params: externalIdParams,
    body: assignmentInput,
    success: { status: 201, description: "The assignment." },
    errors: [404],
    errorNotes: { 404: "No such guard in the caller's tenant." },
  },
  {
    path: "/api/v1/guards/{externalId}/assignments/{siteId}",
    method: "delete",
    summary: "The guard no longer works at that site.",
    tag: "Guards",
    roles: MANAGERS,
    params: assignmentParams,
    success: { status: 204, description: "Unassigned." },
    errors: [404],
    errorNotes: { 404: "No such guard, or the guard is not assigned to that site." },
  },
  {
    path: "/api/v1/positions",
    method: "get",
    summary: "Every guard's newest position.",
    tag: "Guards",
    success: { status: 200, description: "The positions." },
  },
  {
    path: "/api/v1/positions/latest",
    method: "get",
    summary: "Every guard's newest position, one compact row per guard (what the NOC console loads).",
    tag: "Guards",
    success: { status: 200, description: "The positions.", schema: z.array(latestPositionRow) },
  },
  {
    path: "/api/v1/sites",
    method: "get",
    summary: "The tenant's sites with their geofences.",
    tag: "Sites",
    success: { status: 200, description: "The sites." },
  },
  {
    path: "/api/v1/sites",
    method: "post",
    summary: "Create a site with its armed schedule and geofences (422 says why a fence is invalid).",
    tag: "Sites",
    roles: MANAGERS,
    body: siteInput,
    success: { status: 201, description: "The new site." },
  },
  {
    path: "/api/v1/sites/{id}",
    method: "get",
    summary: "One site with its geofences.",
    tag: "Sites",
    params: uuidParams,
    success: { status: 200, description: "The site." },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}",
    method: "put",
    summary: "Replace the site; fences given with their id are kept (with their history), the others replaced.",
    tag: "Sites",
    roles: MANAGERS,
    params: uuidParams,
    body: siteInput,
    success: { status: 200, description: "The site as saved." },
    errors: [404],
  },
  {
    path: "/api/v1/sites/{id}",
    method: "delete",
    summary: "Remove a site and its geofences.",
    tag: "Sites",
    roles: MANAGERS,
    params: uuidParams,
    success: { status: 204, description: "Removed." },
    errors: [404],
  },
  {
    path: "/api/v1/push/vapid-public-key",
    method: "get",
    summary: "The VAPID public key browsers subscribe to web push with; null when web push is not configured.",
    tag: "Push",
    auth: false,
    success: {
      status: 200,
      description: "The key.",
      schema: z.object({ publicKey: z.string().nullable() }),
    },
  },
  {
    path: "/api/v1/push-subscriptions",
    method: "post",
    summary: "This browser gets the signed-in user's alert notifications (a PushSubscription.toJSON()).",
    tag: "Push",
    body: pushSubscriptionInput,
    success: { status: 201, description: "Subscribed.", schema: pushSubscriptionDto },
    errors: [409],
    errorNotes: {
      409: "The endpoint is registered in another tenant.",
      422: "Invalid input, or the endpoint is not a public https address.",
    },
  },
  {
    path: "/api/v1/push-subscriptions",
    method: "delete",
    summary: "This browser stops getting the signed-in user's alert notifications.",
    tag: "Push",
    body: removePushSubscriptionInput,
    success: { status: 200, description: "Whether a subscription was removed.", schema: removedAnswer },
  },
  {
    path: "/api/v1/push-subscriptions/link",
    method: "post",
    summary: "A contact opts in to alert notifications from the signed alert link (no account needed).",
    tag: "Push",
    auth: false,
    body: linkPushSubscriptionInput,
    success: { status: 201, description: "Subscribed.", schema: pushSubscriptionDto },
    errors: [403, 404, 409],
    errorNotes: { ...linkErrors, 409: "The endpoint is registered in another tenant." },
  },
  {
    path: "/api/v1/push-subscriptions/link",
    method: "delete",
    summary: "A contact opts out of alert notifications through the signed alert link.",
    tag: "Push",
    auth: false,
    body: removeLinkPushSubscriptionInput,
    success: { status: 200, description: "Whether a subscription was removed.", schema: removedAnswer },
    errors: [403, 404],
    errorNotes: linkErrors,
  },
  {
    path: "/api/v1/training-runs",
    method: "get",
    summary: "The tenant's recent false-alarm model training runs.",
    tag: "Training",
    roles: mlRoles,
    success: { status: 200, description: "The runs." },
  },
  {
    path: "/api/v1/training-runs",
    method: "post",
    summary: "Queue a training run of the false-alarm model; 409 while one is queued or running.",
    tag: "Training",
    roles: mlRoles,
    body: startTrainingRunInput,
    success: { status: 202, description: "Queued; the run." },
    errors: [409],
  },
  {
    path: "/api/v1/training-runs/{id}",
    method: "get",
    summary: "One training run: status, progress per epoch, metrics.",
    tag: "Training",
    roles: mlRoles,
    params: uuidParams,
    success: { status: 200, description: "The run." },
    errors: [404],
  },
  {
    path: "/api/v1/training-runs/{id}/cancel",
    method: "post",
    summary: "Stop a queued or running training run (a running one stops after its current epoch).",
    tag: "Training",
    roles: mlRoles,
    params: uuidParams,
    success: { status: 200, description: "The run, cancelled or asked to stop." },
    errors: [404, 409],
    errorNotes: { 409: "The run has already ended." },
  },
  {
    path: "/api/v1/ml-models",
    method: "get",
    summary: "The tenant's false-alarm model versions with their test metrics.",
    tag: "Training",
    roles: mlRoles,
    success: { status: 200, description: "The model versions." },
  },
  {
    path: "/api/v1/ml-models/{id}/promote",
    method: "post",
    summary: "Make this model version the one that scores new alerts (the previous one steps down).",
    tag: "Training",
    roles: mlRoles,
    params: uuidParams,
    success: { status: 200, description: "The promoted model version." },
    errors: [404],
  },
  {
    path: "/api/v1/tenants",
    method: "get",
    summary: "Every tenant with its first admin and user count (the installation's super-admin only).",
    tag: "Admin",
    query: pageQuery,
    success: { status: 200, description: "A page of tenants and the cursor of the next." },
    errors: [403],
    errorNotes: { 403: "Only the installation's super-admin manages tenants." },
  },
  {
    path: "/api/v1/tenants",
    method: "post",
    summary: "Create a tenant and its first admin (the installation's super-admin only).",
    tag: "Admin",
    body: createTenantInput,
    success: { status: 201, description: "The new tenant." },
    errors: [403, 409],
    errorNotes: {
      403: "Only the installation's super-admin manages tenants.",
      409: "The admin's email is already in use.",
    },
  },
  {
    path: "/api/v1/users",
    method: "get",
    summary: "The tenant's users with their roles.",
    tag: "Admin",
    roles: ADMIN,
    query: pageQuery,
    success: { status: 200, description: "A page of users and the cursor of the next." },
  },
  {
    path: "/api/v1/users",
    method: "post",
    summary: "Add a user with a role to the tenant.",
    tag: "Admin",
    roles: ADMIN,
    body: createUserInput,
    success: { status: 201, description: "The new user." },
    errors: [409],
    errorNotes: {
      409: "That email is already in use in the caller's tenant.",
      422: "Invalid input, or an email that cannot be used (taken in another tenant); `issues` names it.",
    },
  },
  {
    path: "/api/v1/users/{id}",
    method: "patch",
    summary: "Change a user's role, name or access; disabling ends their sessions at once.",
    tag: "Admin",
    roles: ADMIN,
    params: uuidParams,
    body: updateUserInput,
    success: { status: 200, description: "The user as saved." },
    errors: [404],
    errorNotes: {
      403: "Not an admin, or a change to one's own role or access, or to the super-admin's.",
    },
  },
  {
    path: "/api/v1/quarantine",
    method: "get",
    summary: "Rejected MQTT messages with their reasons, newest first.",
    tag: "Quarantine",
    roles: ["admin", "operator"],
    query: listQuarantineQuery,
    success: { status: 200, description: "A page of entries and the cursor of the next." },
  },
  {
    path: "/api/v1/quarantine/{id}/register",
    method: "post",
    summary: "Register the unknown device behind a quarantined message.",
    tag: "Quarantine",
    roles: ADMIN,
    params: quarantineParams,
    body: registerQuarantinedInput,
    success: { status: 201, description: "The device and its MQTT credentials." },
    errors: [404, 409],
  },
  report(
    "geofence-violations",
    "Geofence violations by day (in the site's time zone), site and guard.",
    geofenceViolationsReport,
  ),
  report(
    "response-times",
    "Per site: alerts raised, acknowledged and resolved; median and p90 seconds to each.",
    responseTimesReport,
  ),
  report("alert-outcomes", "Alerts by type and outcome, with the false-alarm rate.", alertOutcomesReport),
  ...patrolOperations,
];
