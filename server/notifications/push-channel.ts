// Web push to supervisors' phones with the web-push package (VAPID): one
// encrypted message per browser subscription. A push service answering 404 or
// 410 says the subscription is gone for good, which is an answer, not a
// failure: it resolves as "gone" so the caller deletes the subscription and
// the circuit breaker does not count it. Endpoints are checked by
// push-destination.ts, here again at connect (DNS rebinding); a redirect is
// never followed (web-push takes any 3xx as a failure). What a push service
// answers in its error body is logged, never shown to the tenant: the
// delivery records only the status.
import https from "node:https";
import net from "node:net";
import webpush, { WebPushError } from "web-push";
import type { Env } from "../env";
import { componentLogger } from "../observability/logger";
import { checkedLookup, PushDestinationError, pushHost, resolvePushHost, type ResolveHost } from "./push-destination";

type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushMessage = { title: string; body: string; url: string; tag: string; severity: string };
export type PushResult = { outcome: "sent"; providerId: string | null } | { outcome: "gone"; status: number };

export type PushChannel = {
  name: "push";
  /** null when ready; else why deliveries are skipped. */
  unavailable: string | null;
  send: (target: PushTarget, message: PushMessage, options: { ttlSeconds: number }) => Promise<PushResult>;
};

const logger = componentLogger("push");

// web-push only speaks https and only takes an https.Agent; for a local fake push service
// (WEB_PUSH_ALLOW_HTTP, refused in production) this agent opens plain TCP connections instead.
class PlainHttpAgent extends https.Agent {
  override createConnection(options: net.NetConnectOpts): net.Socket {
    return net.createConnection({ ...options, lookup: this.options.lookup } as net.NetConnectOpts);
  }
}

export function isAllowedPushEndpoint(endpoint: string, allowHttp: boolean): boolean {
  const { protocol } = new URL(endpoint);
  return protocol === "https:" || (allowHttp && protocol === "http:");
}

export function createPushChannel(env: Env, { resolve }: { resolve?: ResolveHost } = {}): PushChannel {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
  if (!publicKey || !privateKey || !subject) {
    const reason = "Web push is not configured (set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT)";
    return { name: "push", unavailable: reason, send: () => Promise.reject(new Error(reason)) };
  }
  const destination = { allowLoopback: env.WEB_PUSH_ALLOW_HTTP, ...(resolve ? { resolve } : {}) };
  const lookup = checkedLookup(destination);
  const agents = {
    https: new https.Agent({ lookup }),
    http: env.WEB_PUSH_ALLOW_HTTP ? new PlainHttpAgent({ lookup }) : null,
  };
  return {
    name: "push",
    unavailable: null,
    async send(target, message, { ttlSeconds }) {
      const http = target.endpoint.startsWith("http:");
      if (!isAllowedPushEndpoint(target.endpoint, env.WEB_PUSH_ALLOW_HTTP)) {
        throw new Error("push endpoint is not https");
      }
      let host: string;
      try {
        host = pushHost(target.endpoint);
        // An address literal opens no lookup, so the agent's check would not run for it.
        if (net.isIP(host)) await resolvePushHost(host, destination);
      } catch (error) {
        if (error instanceof PushDestinationError) throw refused(target, error);
        throw error;
      }
      try {
        const response = await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(message),
          {
            vapidDetails: { subject, publicKey, privateKey },
            TTL: ttlSeconds,
            urgency: message.severity === "critical" || message.severity === "high" ? "high" : "normal",
            timeout: env.NOTIFICATION_PROVIDER_TIMEOUT_MS,
            agent: http && agents.http ? agents.http : agents.https,
          },
        );
        const location = response.headers.location;
        return { outcome: "sent", providerId: typeof location === "string" ? location : null };
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          return { outcome: "gone", status: error.statusCode };
        }
        if (error instanceof WebPushError) {
          logger.warn(
            { host, status: error.statusCode, body: String(error.body ?? "").slice(0, 1000) },
            "push service refused a push",
          );
          const redirect = error.statusCode >= 300 && error.statusCode < 400 ? " (redirects are not followed)" : "";
          throw new Error(`push service answered ${error.statusCode}${redirect}`);
        }
        if ((error as { code?: string }).code === "EPUSHDESTINATION") throw refused(target, error as Error);
        logger.warn({ host, err: error }, "push service unreachable");
        throw new Error(`push service unreachable (${(error as { code?: string }).code ?? "no answer"})`);
      }
    },
  };
}

function refused(target: PushTarget, error: Error): Error {
  logger.warn(
    { host: URL.canParse(target.endpoint) ? new URL(target.endpoint).host : null, reason: error.message },
    "push endpoint refused",
  );
  return new Error("push endpoint refused: not a public address");
}
