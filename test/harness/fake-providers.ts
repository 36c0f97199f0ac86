// A local stand-in for Twilio's and Resend's HTTP APIs and for a web push
// service, recording what the real SDKs (twilio, resend, web-push) send. It
// can be told to fail the next N requests of a provider, to fail a seeded
// random share of them (an error status, or no answer at all), to hold a
// provider's requests unanswered until released, and to answer a push
// endpoint with a status (410: the subscription is gone). GET /requests
// answers the recorded requests as JSON and POST /push-subscriptions makes a
// subscription, for tests in another process (Playwright's workers) than the
// one that started it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import webpush from "web-push";
import { createPushReceiver, type PushReceiver } from "./push-receiver";

export type RecordedRequest = {
  provider: "twilio" | "resend" | "push";
  path: string;
  headers: http.IncomingHttpHeaders;
  /** For push: the decrypted JSON payload (title, body, url...). */
  body: Record<string, string>;
  /** What the fake answered (twilio and resend): its status, or "no answer". */
  answer?: number | "no answer";
};

type ChaosOptions = {
  /** The same seed gives the same sequence of answers. */
  seed: number;
  /** Share of requests answered with `status`. */
  failRate: number;
  /** Share of requests never answered (the SDK times out). */
  hangRate: number;
  status?: number;
};

type Provider = "twilio" | "resend";

/** What a browser's PushSubscription.toJSON() gives, with an endpoint on this fake. */
export type FakePushSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

export type FakeProviders = {
  url: string;
  /** The settings that point a Vigil's twilio and resend SDKs at this fake. */
  vigilEnv: Record<string, string>;
  requests: RecordedRequest[];
  failNext: (provider: Provider, count: number, status?: number) => void;
  /** From now on twilio and resend requests fail at random (null: stop). */
  chaos: (options: ChaosOptions | null) => void;
  /**
   * From now on the provider's requests are recorded but not answered until
   * release() (then answered as usual); `arrived` resolves on the first one.
   */
  hold: (provider: Provider) => { arrived: Promise<RecordedRequest>; release: () => void };
  /** A new push subscription whose endpoint is on this fake; pushes to it are decrypted and recorded. */
  pushSubscription: () => FakePushSubscription;
  /**
   * From now on the endpoint answers with this status (410: the subscription is gone), and optionally these
   * headers (a redirect's location) and body (an error text).
   */
  answerPush: (endpoint: string, status: number, extra?: { headers?: Record<string, string>; body?: string }) => void;
  close: () => Promise<void>;
};

export async function startFakeProviders(): Promise<FakeProviders> {
  const requests: RecordedRequest[] = [];
  const failures = { twilio: { count: 0, status: 500 }, resend: { count: 0, status: 500 } };
  let chaos: (ChaosOptions & { next: () => number }) | null = null;
  const held: Partial<Record<Provider, { answers: (() => void)[]; arrived: (request: RecordedRequest) => void }>> = {};
  const receivers = new Map<string, PushReceiver>();
  const pushAnswers = new Map<string, { status: number; headers?: Record<string, string>; body?: string }>();
  let url = "";
  const newSubscription = (): FakePushSubscription => {
    const receiver = createPushReceiver();
    const path = `/push/${randomBytes(12).toString("hex")}`;
    receivers.set(path, receiver);
    return { endpoint: `${url}${path}`, keys: receiver.keys };
  };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://fake").pathname;
    if (req.method === "GET" && pathname === "/requests") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(requests));
    }
    if (req.method === "POST" && pathname === "/push-subscriptions") {
      res.writeHead(201, { "content-type": "application/json" });
      return res.end(JSON.stringify(newSubscription()));
    }
    if (pathname.startsWith("/push/")) {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const receiver = receivers.get(pathname);
        const answer = receiver ? (pushAnswers.get(pathname) ?? { status: 201 }) : { status: 404 };
        const body = receiver ? receiver.decrypt(Buffer.concat(chunks)) : {};
        requests.push({ provider: "push", path: pathname, headers: req.headers, body });
        const location = answer.status === 201 ? { location: `${url}/messages/${randomBytes(8).toString("hex")}` } : {};
        res.writeHead(answer.status, { ...location, ...answer.headers });
        res.end(answer.body);
      });
      return;
    }
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const provider = req.url?.includes("/Messages.json") ? "twilio" : "resend";
      const body =
        provider === "twilio"
          ? Object.fromEntries(new URLSearchParams(raw))
          : (JSON.parse(raw || "{}") as Record<string, string>);
      const request: RecordedRequest = { provider, path: req.url ?? "", headers: req.headers, body };
      requests.push(request);
      const hold = held[provider];
      if (hold) {
        hold.arrived(request);
        return void hold.answers.push(() => answer(provider, request, res));
      }
      answer(provider, request, res);
    });
  });
  function answer(provider: Provider, request: RecordedRequest, res: http.ServerResponse) {
    const { body } = request;
    const failure = failures[provider];
    const roll = chaos?.next() ?? 1;
    if (chaos && roll < chaos.hangRate) return void (request.answer = "no answer");
    const failWith =
      failure.count > 0 ? failure.status : chaos && roll < chaos.hangRate + chaos.failRate ? (chaos.status ?? 503) : 0;
    if (failure.count > 0) failure.count -= 1;
    if (failWith) {
      request.answer = failWith;
      res.writeHead(failWith, { "content-type": "application/json" });
      return res.end(JSON.stringify({ message: "provider unavailable", code: 20500, status: failWith }));
    }
    request.answer = provider === "twilio" ? 201 : 200;
    res.writeHead(request.answer, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        provider === "twilio"
          ? {
              sid: `SM${randomBytes(16).toString("hex")}`,
              status: "queued",
              to: body.To,
              from: body.From,
              body: body.Body,
            }
          : { id: randomBytes(16).toString("hex") },
      ),
    );
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  const vapid = webpush.generateVAPIDKeys();
  return {
    url,
    vigilEnv: {
      TWILIO_ACCOUNT_SID: "ACtest",
      TWILIO_AUTH_TOKEN: "secret",
      TWILIO_PHONE_NUMBER: "+15550001111",
      TWILIO_API_BASE_URL: url,
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: url,
      EMAIL_FROM: "Vigil <noc@vigil.test>",
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:noc@vigil.test",
      WEB_PUSH_ALLOW_HTTP: "true",
    },
    requests,
    failNext(provider, count, status = 500) {
      failures[provider] = { count, status };
    },
    chaos(options) {
      if (!options) return void (chaos = null);
      const rng = xoroshiro128plus(options.seed);
      chaos = { ...options, next: () => uniformFloat64(rng) };
    },
    hold(provider) {
      let arrived!: (request: RecordedRequest) => void;
      const first = new Promise<RecordedRequest>((resolve) => (arrived = resolve));
      const hold = { answers: [] as (() => void)[], arrived };
      held[provider] = hold;
      return {
        arrived: first,
        release() {
          if (held[provider] === hold) delete held[provider];
          for (const send of hold.answers.splice(0)) send();
        },
      };
    },
    pushSubscription: newSubscription,
    answerPush(endpoint, status, extra = {}) {
      pushAnswers.set(new URL(endpoint).pathname, { status, ...extra });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // requests left unanswered on purpose
      }),
  };
}
