// A user starts setting up two-factor sign-in: a new secret is kept, sealed,
// as pending until a code from it is confirmed (confirm-totp-enrolment.ts);
// starting again replaces it. The answer carries the secret as base32, as an
// otpauth URI and as that URI's QR code (SVG), shown this once.
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { TotpEnrolmentDto } from "../../contracts/account";
import type { Actor } from "../../auth/actor";
import { TOTP_PURPOSE } from "../../auth/accept-totp-code";
import { sealSecret } from "../../auth/secret-box";
import { newTotpSecret, otpauthUri } from "../../auth/totp";
import { AppError } from "../../observability/app-error";

export async function startTotpEnrolment(db: Db, actor: Actor, secret: string): Promise<TotpEnrolmentDto> {
  const totp = newTotpSecret();
  const [started] = await db
    .update(users)
    .set({ totpPendingSecret: sealSecret(totp, secret, TOTP_PURPOSE) })
    .where(and(eq(users.id, actor.userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (!started) {
    throw new AppError("conflict", "Two-factor sign-in is already on; an admin can reset it if your phone is lost.");
  }
  const uri = otpauthUri(totp, actor.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: totp, otpauthUri: uri, qrSvg };
}
