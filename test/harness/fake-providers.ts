// A local stand-in for Twilio's and Resend's HTTP APIs that records what the
// real SDKs send. It can be told to fail the next N requests of a provider.
// GET /requests answers the recorded requests as JSON, for tests in another
// process (Playwright's workers) than the one that started it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  provider: "twilio" | "resend";
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, string>;
};

export type FakeProviders = {
  url: string;
  /** The settings that point a Vigil's twilio and resend SDKs at this fake. */
  vigilEnv: Record<string, string>;
  requests: RecordedRequest[];
  failNext: (provider: RecordedRequest["provider"], count: number, status?: number) => void;
  close: () => Promise<void>;
};

export async function startFakeProviders(): Promise<FakeProviders> {
  const requests: RecordedRequest[] = [];
  const failures = { twilio: { count: 0, status: 500 }, resend: { count: 0, status: 500 } };
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && new URL(req.url ?? "/", "http://fake").pathname === "/requests") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(requests));
    }
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const provider = req.url?.includes("/Messages.json") ? "twilio" : "resend";
      const body =
        provider === "twilio"
          ? Object.fromEntries(new URLSearchParams(raw))
          : (JSON.parse(raw || "{}") as Record<string, string>);
      requests.push({ provider, path: req.url ?? "", headers: req.headers, body });
      const failure = failures[provider];
      if (failure.count > 0) {
        failure.count -= 1;
        res.writeHead(failure.status, { "content-type": "application/json" });
        return res.end(JSON.stringify({ message: "provider unavailable", code: 20500, status: failure.status }));
      }
      res.writeHead(provider === "twilio" ? 201 : 200, { "content-type": "application/json" });
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
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
    },
    requests,
    failNext(provider, count, status = 500) {
      failures[provider] = { count, status };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
