// The browser guard app (/g): enrolling a phone from the guard's page, and
// what the enrolled phone reads and registers as itself (HTTP Basic with its
// device login, like OwnTracks's HTTP mode; no session).
import { enrolledPhoneDto, guardAppViewDto, phoneEnrolmentDto, redeemEnrolmentInput } from "../guard-app";
import { pushSubscriptionDto, pushSubscriptionInput } from "../push";
import { defineOperation } from "../operation";
import { ADMIN, externalIdParams } from "./params";

const deviceLogin = "Authenticated as the device: HTTP Basic with its external id and MQTT secret (no session).";

export const createPhoneEnrolment = defineOperation({
  method: "post",
  path: "/api/v1/guards/{externalId}/phone-enrolments",
  summary:
    "Enrol a phone for the guard app: registers a guard-phone device for the guard and answers a one-time link " +
    "(`/g/enrol#<token>`, valid 15 minutes) that the phone opens to get the device's login. Revoke or delete the " +
    "device to take the phone's access away.",
  tag: "Guard app",
  roles: ADMIN,
  params: externalIdParams,
  response: { status: 201, description: "The device and the enrolment link.", schema: phoneEnrolmentDto },
  errors: [404],
  errorNotes: { 404: "No such guard in the caller's tenant." },
});

export const redeemPhoneEnrolment = defineOperation({
  method: "post",
  path: "/api/v1/phone-enrolments",
  summary: "The phone trades the one-time enrolment token for its device's MQTT login (issued now, shown once).",
  tag: "Guard app",
  auth: false,
  body: redeemEnrolmentInput,
  response: { status: 201, description: "The device's login.", schema: enrolledPhoneDto },
  errorNotes: { 422: "Invalid input, or a token that is unknown, used or expired (`issues` names `token`)." },
});

export const getGuardAppView = defineOperation({
  method: "get",
  path: "/api/v1/device/me",
  summary: `What the guard app shows: its guard, sites, current tour run and next checkpoint. ${deviceLogin}`,
  tag: "Guard app",
  auth: false,
  response: { status: 200, description: "The guard app's view.", schema: guardAppViewDto },
  errors: [401, 404],
  errorNotes: { 401: "No device login, or a wrong, revoked or deleted one.", 404: "The device has no guard." },
});

export const subscribeDevicePush = defineOperation({
  method: "post",
  path: "/api/v1/device/push-subscriptions",
  summary: `The guard app's browser gets the pre-alarm ("Check in now") as a web push. ${deviceLogin}`,
  tag: "Guard app",
  auth: false,
  body: pushSubscriptionInput,
  response: { status: 201, description: "Subscribed.", schema: pushSubscriptionDto },
  errors: [401, 409],
  errorNotes: {
    401: "No device login, or a wrong, revoked or deleted one.",
    409: "The endpoint is registered in another tenant.",
  },
});
