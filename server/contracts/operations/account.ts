// One's own account (password, second factor), an admin's resets of a user's
// password and second factor, the tenant's second-factor rule, and the
// forgotten-password link (no sign-in: the link is the credential).
import {
  accountDto,
  changePasswordInput,
  passwordResetInput,
  passwordResetRequestDto,
  passwordResetRequestInput,
  securitySettingsDto,
  setUserPasswordInput,
  totpCodeInput,
  totpEnrolmentDto,
} from "../account";
import { defineOperation } from "../operation";
import { ADMIN, uuidParams } from "./params";

export const getAccount = defineOperation({
  method: "get",
  path: "/api/v1/account",
  summary: "The caller's account: email, name, role, and whether two-factor sign-in is on and required.",
  tag: "Account",
  whileEnrolling: true,
  response: { status: 200, description: "The caller's account.", schema: accountDto },
});

export const changePassword = defineOperation({
  method: "post",
  path: "/api/v1/account/password",
  summary: "Change one's own password (the current one is required); every other session of the user ends.",
  tag: "Account",
  whileEnrolling: true,
  body: changePasswordInput,
  response: { status: 204, description: "Changed; this session goes on, the others are ended." },
  errors: [429],
  errorNotes: { 422: "Invalid input, or `currentPassword` is not the current password; `issues` names it." },
});

export const startTotpEnrolment = defineOperation({
  method: "post",
  path: "/api/v1/account/totp",
  summary:
    "Start setting up two-factor sign-in: a new secret as an otpauth URI and QR code, used once a code from it is confirmed.",
  tag: "Account",
  whileEnrolling: true,
  response: { status: 201, description: "The secret to add to an authenticator app.", schema: totpEnrolmentDto },
  errors: [409],
  errorNotes: { 409: "Two-factor sign-in is already on (an admin resets it)." },
});

export const confirmTotpEnrolment = defineOperation({
  method: "post",
  path: "/api/v1/account/totp/confirm",
  summary: "Confirm the new secret with a code from the app: two-factor sign-in is on from the next sign-in.",
  tag: "Account",
  whileEnrolling: true,
  body: totpCodeInput,
  response: { status: 204, description: "Two-factor sign-in is on." },
  errors: [409, 429],
  errorNotes: {
    409: "No setup was started, or two-factor sign-in is already on.",
    422: "Not a code of the new secret right now; `issues` names `code`.",
  },
});

export const setUserPassword = defineOperation({
  method: "put",
  path: "/api/v1/users/{id}/password",
  summary: "Set a user's password (admin); their sessions end and any reset link they had stops working.",
  tag: "Admin",
  roles: ADMIN,
  params: uuidParams,
  body: setUserPasswordInput,
  response: { status: 204, description: "Set." },
  errors: [404],
  errorNotes: { 403: "Not an admin, one's own password (use /account), or the super-admin's." },
});

export const sendUserPasswordReset = defineOperation({
  method: "post",
  path: "/api/v1/users/{id}/password-reset",
  summary: "Email a user a one-time link to choose a new password (admin); their sessions end at once.",
  tag: "Admin",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 202, description: "The email is queued.", schema: passwordResetRequestDto },
  errors: [404],
  errorNotes: { 403: "Not an admin, one's own account, or the super-admin's." },
});

export const resetUserTotp = defineOperation({
  method: "delete",
  path: "/api/v1/users/{id}/totp",
  summary: "Turn off a user's two-factor sign-in (admin; a lost phone): their sessions end, and they set it up again.",
  tag: "Admin",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 204, description: "Turned off." },
  errors: [404],
  errorNotes: { 403: "Not an admin, or the super-admin's (only they reset their own)." },
});

export const setSecuritySettings = defineOperation({
  method: "put",
  path: "/api/v1/security-settings",
  summary: "Require two-factor sign-in of every user of the tenant (admin); those without it are sent to set it up.",
  tag: "Admin",
  roles: ADMIN,
  body: securitySettingsDto,
  response: { status: 200, description: "The settings as saved.", schema: securitySettingsDto },
  errors: [409],
  errorNotes: { 409: "Requiring it while the admin asking has not set it up (they would lock themself out)." },
});

export const requestPasswordReset = defineOperation({
  method: "post",
  path: "/api/v1/password-reset-requests",
  summary:
    "Forgot password: email a one-time link, valid 30 minutes, if the email has an account. The answer is the same either way.",
  tag: "Account",
  auth: false,
  body: passwordResetRequestInput,
  response: { status: 202, description: "Always this answer.", schema: passwordResetRequestDto },
  errors: [422, 429],
});

export const resetPassword = defineOperation({
  method: "post",
  path: "/api/v1/password-resets",
  summary:
    "Choose a new password with the link's token; the link then stops working and every session of the user ends.",
  tag: "Account",
  auth: false,
  body: passwordResetInput,
  response: { status: 204, description: "The password is changed; sign in with it." },
  errors: [422],
  errorNotes: { 422: "Invalid input, or a link that is unknown, used or expired (`issues` names `token`)." },
});
