// Production mode (NODE_ENV=production) refuses to start on settings that are
// fine on a laptop and dangerous on a server, and says what to set.
import type { Env } from "./env";

export function productionProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32 || new Set(env.SESSION_SECRET).size < 10) {
    problems.push(
      "SESSION_SECRET must be set to a random value of at least 32 characters (e.g. `openssl rand -base64 48`).",
    );
  }
  if (env.MQTT_ALLOW_ANONYMOUS)
    problems.push("MQTT_ALLOW_ANONYMOUS must be false: devices log in with their credentials.");
  if (!env.PUBLIC_URL?.startsWith("https://")) {
    problems.push(
      "PUBLIC_URL must be the https:// address users reach (behind a TLS-terminating proxy, see docs/operations.md).",
    );
  }
  if (env.WEB_PUSH_ALLOW_HTTP) {
    problems.push("WEB_PUSH_ALLOW_HTTP must be false: real push services are https, plain http is for a local fake.");
  }
  const vapid = [env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY, env.VAPID_SUBJECT].filter(Boolean).length;
  if (vapid > 0 && vapid < 3) {
    problems.push("Web push needs all of VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (or none of them).");
  }
  return problems;
}
