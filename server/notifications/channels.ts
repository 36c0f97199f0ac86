// The notification channels Vigil sends through: SMS with the twilio SDK,
// email with the resend SDK (web push is in push-channel.ts). A channel that is not configured says why, and
// its deliveries are recorded as skipped with that reason.
import { Resend } from "resend";
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient";

type RequestOptions<T> = TwilioRequestClient.RequestOptions<T>;
import type { Env } from "../env";

type OutgoingMessage = { to: string; subject: string; text: string; idempotencyKey: string };

export type Channel = {
  name: "sms" | "email";
  /** null when ready; else why deliveries are skipped. */
  unavailable: string | null;
  send: (message: OutgoingMessage) => Promise<string>;
};

// A request Twilio has not answered within the timeout fails (and is retried). The twilio SDK talks to fixed
// hosts; with a base URL its requests go elsewhere (a test double, a proxy).
class TwilioClient extends twilio.RequestClient {
  constructor(
    timeout: number,
    private readonly base: URL | null,
  ) {
    super({ timeout });
  }
  override request<TData>(opts: RequestOptions<TData>) {
    if (!this.base) return super.request<TData>(opts);
    const uri = new URL(opts.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request<TData>({ ...opts, uri: uri.toString() });
  }
}

const unconfigured = (name: Channel["name"], reason: string): Channel => ({
  name,
  unavailable: reason,
  send: () => Promise.reject(new Error(reason)),
});

export function createSmsChannel(env: Env): Channel {
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_PHONE_NUMBER: from } = env;
  if (!sid || !token || !from) {
    return unconfigured(
      "sms",
      "SMS is not configured (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER)",
    );
  }
  const base = env.TWILIO_API_BASE_URL ? new URL(env.TWILIO_API_BASE_URL) : null;
  const client = twilio(sid, token, { httpClient: new TwilioClient(env.NOTIFICATION_PROVIDER_TIMEOUT_MS, base) });
  return {
    name: "sms",
    unavailable: null,
    async send({ to, text }) {
      const message = await client.messages.create({ to, from, body: text });
      return message.sid;
    },
  };
}

export function createEmailChannel(env: Env): Channel {
  if (!env.RESEND_API_KEY || !env.EMAIL_FROM) {
    return unconfigured("email", "Email is not configured (set RESEND_API_KEY and EMAIL_FROM)");
  }
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const from = env.EMAIL_FROM;
  const timeoutMs = env.NOTIFICATION_PROVIDER_TIMEOUT_MS;
  return {
    name: "email",
    unavailable: null,
    async send({ to, subject, text, idempotencyKey }) {
      // Without a signal the SDK's fetch waits up to 5 minutes for an answer.
      const signal = AbortSignal.timeout(timeoutMs);
      const { data, error } = await resend.emails.send({ from, to, subject, text }, { idempotencyKey, signal });
      if (signal.aborted) throw new Error(`Resend: no answer within ${timeoutMs} ms`);
      if (error) throw new Error(`Resend: ${error.message}`);
      return data!.id;
    },
  };
}
