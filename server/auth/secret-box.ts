// Encrypts the few secrets Vigil must read back (TOTP seeds) with AES-256-GCM
// under a key derived from the session secret, so a copy of the database
// alone does not hand out second factors. Format: v1.<iv>.<tag>.<ciphertext>.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const keyOf = (secret: string, purpose: string) => createHmac("sha256", secret).update(`vigil:${purpose}`).digest();

export function sealSecret(plain: string, secret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain text, or null when the box was not sealed with this secret and purpose (or is garbage). */
export function openSecret(sealed: string, secret: string, purpose: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
