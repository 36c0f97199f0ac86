// Session and API tokens: 256 random bits for the client, SHA-256 in the database.
import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "vigil_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const API_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
