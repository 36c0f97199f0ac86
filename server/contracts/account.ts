// Request and response shapes of accounts: one's own password and second
// factor, an admin's resets, and the forgotten-password link.
import { z } from "zod";
import { roles } from "./api";

/** The same rule as ADMIN_PASSWORD at first start and a new user's first password. */
export const newPassword = z.string().min(8, "use at least 8 characters").max(1024);

export const accountDto = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  /** Two-factor sign-in (TOTP) is on for this user. */
  totpEnabled: z.boolean(),
  /** The tenant requires it of everyone. */
  totpRequired: z.boolean(),
});
export type AccountDto = z.infer<typeof accountDto>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(1024),
  newPassword,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const setUserPasswordInput = z.object({ password: newPassword });

export const passwordResetRequestInput = z.object({ email: z.email().max(254) });

/** Always the same answer, whether or not the email has an account. */
export const passwordResetRequestDto = z.object({ message: z.string() });
export const PASSWORD_RESET_REQUESTED =
  "If this email belongs to an account, a link to choose a new password is on its way. It works once, for 30 minutes.";

export const passwordResetInput = z.object({
  token: z.string().min(1).max(200),
  password: newPassword,
});

export const totpEnrolmentDto = z.object({
  /** The secret in base32, for apps that cannot scan. */
  secret: z.string(),
  /** The otpauth:// URI the QR code holds. */
  otpauthUri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});
export type TotpEnrolmentDto = z.infer<typeof totpEnrolmentDto>;

export const totpCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "enter the 6-digit code"),
});

export const securitySettingsDto = z.object({ requireTotp: z.boolean() });
export type SecuritySettingsDto = z.infer<typeof securitySettingsDto>;
