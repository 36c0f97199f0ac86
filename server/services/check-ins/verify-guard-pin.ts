// What a PIN typed on a guard's phone is: the guard's PIN, the duress PIN, or
// wrong. Hashed with the password helper (scrypt) at a lower cost than
// passwords (PIN_SCRYPT_PARAMS: why there), and both hashes are always tried,
// so the answer takes as long whichever PIN it was.
import { verifyPassword } from "../../auth/password";

type PinMatch = "pin" | "duress" | "wrong";

/** After this many wrong PINs within WRONG_PIN_WINDOW_MS no PIN is checked: every one is wrong until it ends. */
const WRONG_PIN_LIMIT = 5;
const WRONG_PIN_WINDOW_MS = 15 * 60_000;

export async function verifyGuardPin(
  pin: string,
  { pinHash, duressPinHash }: { pinHash: string | null; duressPinHash: string | null },
): Promise<PinMatch> {
  const [normal, duress] = await Promise.all([
    pinHash === null ? false : verifyPassword(pin, pinHash),
    duressPinHash === null ? false : verifyPassword(pin, duressPinHash),
  ]);
  return normal ? "pin" : duress ? "duress" : "wrong";
}

export type WrongPins = { count: number; since: Date | null };

const windowOpen = (since: Date | null, now: Date) =>
  since !== null && now.getTime() - since.getTime() < WRONG_PIN_WINDOW_MS;

/** Whether the guard's PINs are locked by wrong ones. */
export function pinsLocked({ count, since }: WrongPins, now: Date): boolean {
  return count >= WRONG_PIN_LIMIT && windowOpen(since, now);
}

/** One more wrong PIN: counted in the window it falls in, or starting a new one. */
export function countWrongPin({ count, since }: WrongPins, now: Date): WrongPins {
  return windowOpen(since, now) ? { count: count + 1, since } : { count: 1, since: now };
}
