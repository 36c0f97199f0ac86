// Rejected MQTT messages, and registering the unknown device behind one.
import { z } from "zod";
import { deviceWithCredentialsDto } from "../api";
import { listQuarantineQuery, quarantinePageDto, registerQuarantinedInput } from "../quarantine";
import { defineOperation } from "../operation";
import { ADMIN } from "./params";

export const listQuarantine = defineOperation({
  method: "get",
  path: "/api/v1/quarantine",
  summary: "Rejected MQTT messages with their reasons, newest first.",
  tag: "Quarantine",
  roles: ["admin", "operator"],
  query: listQuarantineQuery,
  response: {
    status: 200,
    description: "A page of entries; pass nextBefore as ?before= for the next.",
    schema: quarantinePageDto,
  },
});

export const registerQuarantinedDevice = defineOperation({
  method: "post",
  path: "/api/v1/quarantine/{id}/register",
  summary: "Register the unknown device behind a quarantined message.",
  tag: "Quarantine",
  roles: ADMIN,
  params: z.object({ id: z.coerce.number().int().positive() }),
  body: registerQuarantinedInput,
  response: { status: 201, description: "The device and its MQTT credentials.", schema: deviceWithCredentialsDto },
  errors: [404, 409],
});
