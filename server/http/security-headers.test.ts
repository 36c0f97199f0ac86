import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, test } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, tileSource } from "./security-headers";

describe("tileSource", () => {
  test.each([
    ["https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"],
    ["https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", "https://*.tile.example.org:8443"],
    ["http://tiles.lan/{z}/{x}/{y}.png", "http://tiles.lan"],
    ["/tiles/{z}/{x}/{y}.png", null],
    ["none", null],
  ])("%s -> %s", (url, source) => {
    expect(tileSource(url)).toBe(source);
  });
});

describe("contentSecurityPolicy", () => {
  const policy = (dev = false) =>
    contentSecurityPolicy({ nonce: "abc123==", tileUrl: "https://{s}.tile.example.org/{z}/{x}/{y}.png", dev });

  test("scripts only with the nonce (and what they load); no plugins, no framing, no base tag", () => {
    expect(policy()).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(policy()).not.toContain("unsafe-eval");
    expect(policy()).toContain("object-src 'none'");
    expect(policy()).toContain("frame-ancestors 'none'");
    expect(policy()).toContain("base-uri 'none'");
  });

  test("map tiles load from the configured tile server", () => {
    expect(policy()).toContain("img-src 'self' data: blob: https://*.tile.example.org;");
  });

  test("the development server may evaluate code (fast refresh)", () => {
    expect(policy(true)).toContain("'strict-dynamic' 'unsafe-eval'");
  });
});

describe("Strict-Transport-Security", () => {
  function headersFor(hsts: boolean): Record<string, string> {
    const set: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (set[name.toLowerCase()] = value) };
    applySecurityHeaders({ headers: {} } as IncomingMessage, res as unknown as ServerResponse, {
      tileUrl: "none",
      dev: false,
      hsts,
    });
    return set;
  }

  test("production answers with HSTS for a year", () => {
    expect(headersFor(true)["strict-transport-security"]).toBe("max-age=31536000");
  });

  test("development (plain HTTP on localhost) sends none", () => {
    expect(headersFor(false)["strict-transport-security"]).toBeUndefined();
  });
});

describe("Content-Security-Policy by path", () => {
  function answerTo(url: string) {
    const set: Record<string, string> = {};
    const req = { url, headers: {} } as IncomingMessage;
    const res = { setHeader: (name: string, value: string) => (set[name.toLowerCase()] = value) };
    applySecurityHeaders(req, res as unknown as ServerResponse, { tileUrl: "none", dev: false });
    return { sent: set["content-security-policy"], seenByNext: req.headers["content-security-policy"] };
  }

  test("an API answer may run, load or be framed by nothing", () => {
    expect(answerTo("/api/v1/ingest/osmand?id=k&lat=1&lon=2").sent).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  test("each page gets a fresh script nonce, which Next reads from the request", () => {
    const first = answerTo("/map");
    const second = answerTo("/map");
    expect(first.sent).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(first.seenByNext).toBe(first.sent);
    expect(second.sent).not.toBe(first.sent);
  });
});
