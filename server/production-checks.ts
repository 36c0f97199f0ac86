// Production mode (NODE_ENV=production) refuses to start on settings that are
// fine on a laptop and dangerous on a server, and says what to set.
import ipaddr from "ipaddr.js";
import type { Env } from "./env";

// What deploy/systemd/vigil.env.example ships for the operator to replace: `CHANGE-ME` in any value, and the
// RFC 2606 example domains in PUBLIC_URL and ADMIN_EMAIL.
const PLACEHOLDER = /CHANGE-ME/i;
const EXAMPLE_DOMAIN = /(^|\.)example\.(com|net|org)$|(^|\.)example$/i;

/** Random-looking enough for a secret a machine generated: long, and not a few characters repeated. */
const isStrongSecret = (value: string | undefined, length: number): value is string =>
  value !== undefined && value.length >= length && new Set(value).size >= 10;

export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.process(bare);
  return address.range() === "loopback";
}

function placeholderProblems(env: Env): string[] {
  const problems = Object.entries(env)
    .filter(([, value]) => typeof value === "string" && PLACEHOLDER.test(value))
    .map(([name]) => `${name} still holds the CHANGE-ME placeholder of vigil.env.example: set a real value.`);
  if (env.PUBLIC_URL && EXAMPLE_DOMAIN.test(new URL(env.PUBLIC_URL).hostname)) {
    problems.push("PUBLIC_URL is the example address of vigil.env.example: set the address users reach.");
  }
  if (EXAMPLE_DOMAIN.test(env.ADMIN_EMAIL.split("@")[1] ?? "")) {
    problems.push("ADMIN_EMAIL is the example address of vigil.env.example: set the first admin's real email.");
  }
  return problems;
}

function mqttProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.MQTT_ALLOW_ANONYMOUS)
    problems.push("MQTT_ALLOW_ANONYMOUS must be false: devices log in with their credentials.");
  if (env.MQTT_URL) {
    if (!env.MQTT_USERNAME) problems.push("MQTT_USERNAME must be set: Vigil logs in to the external broker.");
    if (!isStrongSecret(env.MQTT_PASSWORD, 20)) {
      problems.push(
        "MQTT_PASSWORD must be a random value of at least 20 characters (e.g. `openssl rand -base64 32`): it is the broker account that reads every tenant's alarms.",
      );
    }
  } else if (!isLoopbackHost(env.HOST) && !env.MQTT_ALLOW_PLAINTEXT) {
    problems.push(
      `MQTT_ALLOW_PLAINTEXT must be true to serve the embedded broker's plaintext MQTT on HOST=${env.HOST} (device passwords cross the network in clear): bind HOST to 127.0.0.1 behind a TLS terminator, or use an external broker with TLS (MQTT_URL=mqtts://...).`,
    );
  }
  return problems;
}

export function productionProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!isStrongSecret(env.SESSION_SECRET, 32)) {
    problems.push(
      "SESSION_SECRET must be set to a random value of at least 32 characters (e.g. `openssl rand -base64 48`).",
    );
  }
  problems.push(...mqttProblems(env));
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
  problems.push(...placeholderProblems(env));
  return problems;
}
