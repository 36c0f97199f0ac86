// Device MQTT secrets: 256 random bits, stored as SHA-256 (high entropy makes
// a slow hash unnecessary, and broker logins stay cheap under reconnect storms).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newDeviceSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashDeviceSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function deviceSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashDeviceSecret(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
