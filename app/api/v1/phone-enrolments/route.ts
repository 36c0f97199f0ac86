// POST /api/v1/phone-enrolments {token} - the guard app trades its one-time enrolment token for its device login.
import * as op from "@/server/contracts/operations/guard-app";
import { publicApiRoute } from "@/server/http/api-route";
import { redeemPhoneEnrolment } from "@/server/services/guard-app/redeem-phone-enrolment";

export const POST = publicApiRoute(op.redeemPhoneEnrolment, ({ body, request, runtime }) =>
  redeemPhoneEnrolment(runtime.db, body.token, { userAgent: request.headers.get("user-agent") }),
);
