// In production (behind its TLS proxy) the session cookie is `__Host-vigil_session` and every answer carries
// HSTS: a cookie of the old name, which another host of the domain could have set, is no session.
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "@/test/harness/api-client";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil({
    env: {
      NODE_ENV: "production",
      PUBLIC_URL: "https://vigil.example.org",
      SESSION_SECRET: "a-long-random-session-secret-for-this-test-0123456789",
    },
  });
});

afterAll(async () => {
  await vigil?.dispose();
});

test("the session is read from __Host-vigil_session only", async () => {
  const withCookie = (name: string) =>
    api(vigil.url, "/api/v1/guards", { headers: { cookie: `${name}=${encodeURIComponent(vigil.adminToken)}` } });
  expect((await withCookie("__Host-vigil_session")).status).toBe(200);
  expect((await withCookie("vigil_session")).status).toBe(401);
});

test("every answer carries Strict-Transport-Security", async () => {
  for (const path of ["/healthz", "/login", "/api/v1/guards"]) {
    const response = await fetch(new URL(path, vigil.url), { redirect: "manual" });
    expect(response.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
  }
});
