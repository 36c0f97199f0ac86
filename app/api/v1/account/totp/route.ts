// POST /api/v1/account/totp - start setting up two-factor sign-in: a new secret, its otpauth URI and QR code.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { startTotpEnrolment } from "@/server/services/accounts/start-totp-enrolment";

export const POST = apiRoute(op.startTotpEnrolment, ({ actor, runtime }) =>
  startTotpEnrolment(runtime.db, actor, runtime.linkSecret),
);
