// Signed links to one alert's mobile page, for a contact, expiring: the
// supervisor opens the SMS or email link and acknowledges without a password.
import { createHmac, timingSafeEqual } from "node:crypto";

export type AlertLinkClaims = { alertId: string; contactId: string; expiresAt: number };

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(`alert-link:${body}`).digest("base64url");
}

export function signAlertLink(claims: AlertLinkClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify([claims.alertId, claims.contactId, claims.expiresAt])).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

export function verifyAlertLink(
  token: string,
  secret: string,
  now = Date.now(),
): { ok: true; claims: AlertLinkClaims } | { ok: false; reason: "invalid" | "expired" } {
  const [body, signature] = token.split(".");
  if (!body || !signature) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  try {
    const [alertId, contactId, expiresAt] = JSON.parse(Buffer.from(body, "base64url").toString()) as [
      string,
      string,
      number,
    ];
    if (expiresAt <= now) return { ok: false, reason: "expired" };
    return { ok: true, claims: { alertId, contactId, expiresAt } };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}
