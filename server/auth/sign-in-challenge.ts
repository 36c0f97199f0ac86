// Between the password and the second-factor code in the browser: a signed
// note "this user gave the right password" valid for 5 minutes, so the code
// form does not have to carry the password. It only lets its holder try codes
// (throttled per user); it opens no session by itself.
import { createHmac, timingSafeEqual } from "node:crypto";

const TTL_MS = 5 * 60 * 1000;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`vigil:sign-in-challenge:${payload}`).digest("base64url");
}

export function newSignInChallenge(userId: string, secret: string, now = Date.now()): string {
  const payload = `${userId}.${now + TTL_MS}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The user id the challenge was made for, or null when it is forged or expired. */
export function readSignInChallenge(challenge: string, secret: string, now = Date.now()): string | null {
  const [userId, expires, signature] = challenge.split(".");
  if (!userId || !expires || !signature) return null;
  const expected = Buffer.from(sign(`${userId}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) > now ? userId : null;
}
