// Password hashing with scrypt from node:crypto (memory-hard, no native addon),
// at OWASP's minimum (N=2^17, r=8, p=1: 128 MiB and about a quarter second a
// hash). Hashes made with weaker parameters still verify, and log-in.ts
// rehashes them on the next sign-in.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const KEY_LENGTH = 32;
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 };
/**
 * Guards' PINs (4-8 digits) are checked on the ingest path, whose MQTT stream waits while a check-in's PIN is
 * verified: 16 MiB and some 20-80 ms a hash here, not a quarter second. Slower hashing would not save a PIN
 * anyway (10^4-10^8 guesses); what protects it is that hashes are never returned and wrong PINs lock after five.
 */
export const PIN_SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; maxmem must exceed it.
  const maxmem = 128 * (options.N ?? 0) * (options.r ?? 0) + 16 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function parseHash(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // A stored hash asking for more than 4x today's work (or garbage) is not ours: refuse rather than spend it.
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || params.N * params.r > 4 * 2 ** 17 * 8) return null;
  return { params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  const { N, r, p } = params;
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.params);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when the hash was made with less work than SCRYPT_PARAMS asks today. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const { N, r, p } = parsed.params;
  return N < SCRYPT_PARAMS.N || r < SCRYPT_PARAMS.r || p < SCRYPT_PARAMS.p;
}

let decoy: Promise<string> | undefined;

/** The same work as checking a real password, for an email nobody has (no timing oracle for who has an account). */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString("base64"));
  await verifyPassword(password, await decoy);
  return false;
}
