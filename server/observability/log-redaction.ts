// What the logger must never write: session and API tokens, signed-link
// tokens, passwords, secrets and cookies. Fields under those names are
// censored by pino's redact paths; URLs and error messages and stacks (a
// provider's error may quote the URL it was asked for) have token-like query
// parameters and bearer credentials masked.
import { pino, type LoggerOptions } from "pino";

const SECRET_FIELDS = ["password", "token", "secret", "authorization", "cookie", "linkToken", "apiKey"];

const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  ...["headers", "req.headers", "request.headers", "*.headers"].flatMap((h) =>
    ["authorization", "cookie", "set-cookie", "x-api-key"].map((f) => `${h}["${f}"]`),
  ),
];

const TOKEN_PARAM = /([?&](?:t|token|access_token|key|sig|signature)=)[^&#\s"']+/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const SESSION_COOKIE = /((?:__Host-)?vigil_session=)[^;\s"']+/gi;

/** The text with token-like query parameters, bearer credentials and session cookies masked. */
export function maskSecrets(text: string): string {
  return text
    .replace(TOKEN_PARAM, "$1[Redacted]")
    .replace(BEARER, "$1[Redacted]")
    .replace(SESSION_COOKIE, "$1[Redacted]");
}

function maskError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ["message", "stack"] as const) {
    if (typeof serialized[key] === "string") serialized[key] = maskSecrets(serialized[key]);
  }
  return serialized;
}

export const redactionOptions: Pick<LoggerOptions, "redact" | "serializers"> = {
  redact: REDACT_PATHS,
  serializers: {
    err: maskError,
    url: (url: unknown) => (typeof url === "string" ? maskSecrets(url) : url),
  },
};
