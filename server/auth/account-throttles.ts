// Throttles for the account actions besides signing in, on the same leaky
// buckets (login-throttle.ts): a growing delay, never a lock-out.
// - a password change, per user: someone who found a signed-in browser cannot
//   try current passwords at will;
// - a second-factor code, per user: whoever knows the password gets a few
//   codes, then a doubling wait (a 6-digit code is 1 in a million a try);
// - a reset request, per address and per email: nobody can bomb an inbox.
import type { Db } from "../../db/client";
import { addressKey } from "../infra/pending-connections";
import { claimThrottled, refundThrottled, type ThrottleRule } from "./login-throttle";

const PER_USER: ThrottleRule = { free: 5, leakSeconds: 900, baseDelaySeconds: 15, maxDelaySeconds: 900 };
const RESETS_PER_ADDRESS: ThrottleRule = { free: 10, leakSeconds: 360, baseDelaySeconds: 60, maxDelaySeconds: 3600 };
const RESETS_PER_EMAIL: ThrottleRule = { free: 3, leakSeconds: 1200, baseDelaySeconds: 300, maxDelaySeconds: 3600 };

// A right password or code gives the user's bucket back (refund*), so signing in often is never slowed down.
export function claimPasswordCheck(db: Db, userId: string): Promise<void> {
  return claimThrottled(db, [{ key: `password:${userId}`, rule: PER_USER }], "wrong passwords");
}

export function refundPasswordCheck(db: Db, userId: string): Promise<void> {
  return refundThrottled(db, `password:${userId}`);
}

export function claimTotpCheck(db: Db, userId: string): Promise<void> {
  return claimThrottled(db, [{ key: `totp:${userId}`, rule: PER_USER }], "wrong codes");
}

export function refundTotpCheck(db: Db, userId: string): Promise<void> {
  return refundThrottled(db, `totp:${userId}`);
}

export function claimResetRequest(db: Db, email: string, address: string): Promise<void> {
  return claimThrottled(
    db,
    [
      { key: `reset-address:${addressKey(address)}`, rule: RESETS_PER_ADDRESS },
      { key: `reset-email:${email}`, rule: RESETS_PER_EMAIL },
    ],
    "password reset requests",
  );
}
