// Device MQTT secrets: 256 random bits, stored as SHA-256 (high entropy makes
// a slow hash unnecessary, and broker logins stay cheap under reconnect storms).
import { hash, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

export function newDeviceSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The OsmAnd tracking key (Traccar Client's device identifier): 160 random bits, URL-safe. */
export function newTrackingKey(): string {
  return randomBytes(20).toString("base64url");
}

/** One-shot `hash` (no Hash object per call): HTTP ingest hashes a device's secret or tracking key at every fix. */
export function hashDeviceSecret(secret: string): string {
  return hash("sha256", secret, "hex");
}

export function deviceSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashDeviceSecret(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

const MOSQUITTO_ITERATIONS = 1000;

/** The secret hashed the way mosquitto_passwd does ("$7$": PBKDF2-HMAC-SHA512, 12-byte salt). */
export function mosquittoPasswordHash(secret: string, salt: Buffer = randomBytes(12)): string {
  const hash = pbkdf2Sync(secret, salt, MOSQUITTO_ITERATIONS, 64, "sha512");
  return `$7$${MOSQUITTO_ITERATIONS}$${salt.toString("base64")}$${hash.toString("base64")}`;
}
