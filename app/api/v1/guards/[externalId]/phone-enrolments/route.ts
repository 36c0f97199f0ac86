// POST /api/v1/guards/:externalId/phone-enrolments - enrol a phone for the guard app (a device and a one-time link).
import * as op from "@/server/contracts/operations/guard-app";
import { apiRoute } from "@/server/http/api-route";
import { createPhoneEnrolment } from "@/server/services/guard-app/create-phone-enrolment";

export const POST = apiRoute(op.createPhoneEnrolment, ({ actor, params, runtime }) =>
  createPhoneEnrolment(runtime.db, actor, params.externalId),
);
