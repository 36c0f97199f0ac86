// Devices: registration, credentials, and the downlink (commands, configuration).
import { z } from "zod";
import {
  commandDto,
  configDto,
  deviceDetailDto,
  deviceDto,
  deviceWithCredentialsDto,
  queuedCommandDto,
  registerDeviceInput,
  savedConfigDto,
  sendCommandInput,
  setConfigInput,
  updateDeviceInput,
} from "../api";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { ADMIN, externalIdParams } from "./params";

export const listDevices = defineOperation({
  method: "get",
  path: "/api/v1/devices",
  summary: "The tenant's devices, a page at a time.",
  tag: "Devices",
  query: pageQuery,
  response: { status: 200, description: "A page of devices and the cursor of the next.", schema: pageOf(deviceDto) },
});

export const registerDevice = defineOperation({
  method: "post",
  path: "/api/v1/devices",
  summary:
    "Register a device; the answer carries its MQTT credentials and its tracking key (OsmAnd), once. Its id may not be held by any guard or device " +
    "of any tenant (409, the same answer whoever holds it) nor be a name reserved for Vigil's MQTT account " +
    "(`vigil-*`, MQTT_USERNAME: 422).",
  tag: "Devices",
  roles: ADMIN,
  body: registerDeviceInput,
  response: { status: 201, description: "The device and its MQTT credentials.", schema: deviceWithCredentialsDto },
  errors: [404, 409],
  errorNotes: {
    404: "No such guard in the caller's tenant (guardExternalId).",
    422: "Invalid input, or an externalId that cannot be used (taken in any tenant); `issues` names it.",
  },
});

export const getDevice = defineOperation({
  method: "get",
  path: "/api/v1/devices/{externalId}",
  summary: "One device with its latest telemetry and system health.",
  tag: "Devices",
  params: externalIdParams,
  response: { status: 200, description: "The device.", schema: deviceDetailDto },
  errors: [404],
});

export const deleteDevice = defineOperation({
  method: "delete",
  path: "/api/v1/devices/{externalId}",
  summary: "Remove a device (disconnected within 5 s).",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  response: { status: 204, description: "Removed." },
  errors: [404],
});

export const updateDevice = defineOperation({
  method: "patch",
  path: "/api/v1/devices/{externalId}",
  summary: "Rename a device, or give it another guard or site (null takes them away).",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  body: updateDeviceInput,
  response: { status: 200, description: "The device as saved.", schema: deviceDto },
  errors: [404],
  errorNotes: { 422: "Invalid input, or a guard or site that is not the caller's tenant's; `issues` names it." },
});

export const revokeDevice = defineOperation({
  method: "post",
  path: "/api/v1/devices/{externalId}/revoke",
  summary: "The device's credentials stop working; it is disconnected within 5 s.",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  response: { status: 200, description: "Revoked: the device.", schema: deviceDto },
  errors: [404],
});

export const rotateDeviceCredentials = defineOperation({
  method: "post",
  path: "/api/v1/devices/{externalId}/credentials",
  summary: "Rotate the device's MQTT password and tracking key (shown once); a revoked device is enabled again.",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  response: { status: 201, description: "The device and its new credentials.", schema: deviceWithCredentialsDto },
  errors: [404],
});

export const listDeviceCommands = defineOperation({
  method: "get",
  path: "/api/v1/devices/{externalId}/commands",
  summary: "Recent commands to the device and their status.",
  tag: "Devices",
  params: externalIdParams,
  response: { status: 200, description: "The commands, newest first.", schema: z.array(commandDto) },
  errors: [404],
});

export const sendDeviceCommand = defineOperation({
  method: "post",
  path: "/api/v1/devices/{externalId}/commands",
  summary: "Send a command to the device.",
  tag: "Devices",
  roles: ["admin", "operator"],
  params: externalIdParams,
  body: sendCommandInput,
  response: { status: 201, description: "Queued.", schema: queuedCommandDto },
  errors: [404],
});

export const listDeviceConfigs = defineOperation({
  method: "get",
  path: "/api/v1/devices/{externalId}/config",
  summary: "The device's configuration versions and when each was applied.",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  response: { status: 200, description: "The versions, newest first.", schema: z.array(configDto) },
  errors: [404],
});

export const setDeviceConfig = defineOperation({
  method: "put",
  path: "/api/v1/devices/{externalId}/config",
  summary: "Publish a new retained, versioned configuration.",
  tag: "Devices",
  roles: ADMIN,
  params: externalIdParams,
  body: setConfigInput,
  response: { status: 201, description: "Saved; published by the worker.", schema: savedConfigDto },
  errors: [404],
});
