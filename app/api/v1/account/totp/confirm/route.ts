// POST /api/v1/account/totp/confirm {code} - a code from the new secret turns two-factor sign-in on.
import * as op from "@/server/contracts/operations/account";
import { apiRoute } from "@/server/http/api-route";
import { confirmTotpEnrolment } from "@/server/services/accounts/confirm-totp-enrolment";

export const POST = apiRoute(op.confirmTotpEnrolment, ({ actor, body, runtime }) =>
  confirmTotpEnrolment(runtime.db, actor, body.code, runtime.linkSecret),
);
