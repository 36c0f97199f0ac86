import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import { compileProxyTrust, readProxiedRequest } from "./proxied-request";

function request(peer: string, headers: Record<string, string>, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress: peer, encrypted }, headers: { host: "vigil.internal:3000", ...headers } } as never;
}

const proxy = compileProxyTrust(["127.0.0.1", "10.0.0.0/8"]);
const forwarded = {
  "x-forwarded-for": "203.0.113.7",
  "x-forwarded-host": "noc.example.com",
  "x-forwarded-proto": "https",
};

describe("readProxiedRequest", () => {
  test("with no TRUSTED_PROXIES, forwarding headers are ignored and removed", () => {
    const req = request("127.0.0.1", forwarded);
    expect(readProxiedRequest(req, compileProxyTrust([]))).toEqual({
      clientAddress: "127.0.0.1",
      origin: "http://vigil.internal:3000",
    });
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
  });

  test("behind a trusted proxy, the client is the forwarded address and the origin the forwarded one", () => {
    expect(readProxiedRequest(request("127.0.0.1", forwarded), proxy)).toEqual({
      clientAddress: "203.0.113.7",
      origin: "https://noc.example.com",
    });
  });

  test("a client that is not a trusted proxy cannot pass as another address or origin", () => {
    expect(readProxiedRequest(request("198.51.100.9", forwarded), proxy)).toEqual({
      clientAddress: "198.51.100.9",
      origin: "http://vigil.internal:3000",
    });
  });

  test("the chain is walked from the right: addresses a client prepends are not believed", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    const req = request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 198.51.100.9" });
    expect(readProxiedRequest(req, proxy).clientAddress).toBe("198.51.100.9");
  });

  test("a chain of trusted proxies is walked to the first untrusted hop", () => {
    const req = request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 198.51.100.9, 10.1.2.3" });
    expect(readProxiedRequest(req, proxy).clientAddress).toBe("198.51.100.9");
  });

  test("a TLS socket without a proxy gives an https origin", () => {
    expect(readProxiedRequest(request("198.51.100.9", {}, true), proxy).origin).toBe("https://vigil.internal:3000");
  });
});
