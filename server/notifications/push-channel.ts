// Web push to supervisors' phones with the web-push package (VAPID): one
// encrypted message per browser subscription. A push service answering 404 or
// 410 says the subscription is gone for good, which is an answer, not a
// failure: it resolves as "gone" so the caller deletes the subscription and
// the circuit breaker does not count it.
import https from "node:https";
import net from "node:net";
import webpush, { WebPushError } from "web-push";
import type { Env } from "../env";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushMessage = { title: string; body: string; url: string; tag: string; severity: string };
export type PushResult = { outcome: "sent"; providerId: string | null } | { outcome: "gone"; status: number };

export type PushChannel = {
  name: "push";
  /** null when ready; else why deliveries are skipped. */
  unavailable: string | null;
  send: (target: PushTarget, message: PushMessage, options: { ttlSeconds: number }) => Promise<PushResult>;
};

// web-push only speaks https and only takes an https.Agent; for a local fake push service
// (WEB_PUSH_ALLOW_HTTP, refused in production) this agent opens plain TCP connections instead.
class PlainHttpAgent extends https.Agent {
  override createConnection(options: net.NetConnectOpts): net.Socket {
    return net.createConnection(options);
  }
}

export function isAllowedPushEndpoint(endpoint: string, allowHttp: boolean): boolean {
  const { protocol } = new URL(endpoint);
  return protocol === "https:" || (allowHttp && protocol === "http:");
}

export function createPushChannel(env: Env): PushChannel {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
  if (!publicKey || !privateKey || !subject) {
    const reason = "Web push is not configured (set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT)";
    return { name: "push", unavailable: reason, send: () => Promise.reject(new Error(reason)) };
  }
  const plainHttp = env.WEB_PUSH_ALLOW_HTTP ? new PlainHttpAgent() : null;
  return {
    name: "push",
    unavailable: null,
    async send(target, message, { ttlSeconds }) {
      const http = target.endpoint.startsWith("http:");
      if (!isAllowedPushEndpoint(target.endpoint, env.WEB_PUSH_ALLOW_HTTP)) {
        throw new Error("push endpoint is not https");
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
            ...(http && plainHttp ? { agent: plainHttp } : {}),
          },
        );
        const location = response.headers.location;
        return { outcome: "sent", providerId: typeof location === "string" ? location : null };
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          return { outcome: "gone", status: error.statusCode };
        }
        if (error instanceof WebPushError) throw new Error(`push service answered ${error.statusCode}: ${error.body}`);
        throw error;
      }
    },
  };
}
