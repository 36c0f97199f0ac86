// CSRF on the REST API over real HTTP: a request authenticated by the
// session cookie must come from Vigil's own origin; bearer tokens need none.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, uniqueId, type ApiError } from "@/test/harness/api-client";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

describe("CSRF on cookie sessions", () => {
  const cookie = () => `vigil_session=${encodeURIComponent(vigil.adminToken)}`;
  const newGuard = () => JSON.stringify({ externalId: uniqueId("guard"), name: "Cookie guard" });

  test("a cookie-authenticated POST without an Origin header is 403", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/guards", {
      method: "POST",
      body: newGuard(),
      headers: { cookie: cookie() },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("forbidden");
  });

  test("a cookie-authenticated POST from a foreign Origin is 403", async () => {
    const response = await api(vigil.url, "/api/v1/guards", {
      method: "POST",
      body: newGuard(),
      headers: { cookie: cookie(), origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  test("a cookie-authenticated POST from our own origin is accepted", async () => {
    const response = await api(vigil.url, "/api/v1/guards", {
      method: "POST",
      body: newGuard(),
      headers: { cookie: cookie(), origin: vigil.url },
    });
    expect(response.status).toBe(201);
  });

  test("a cookie-authenticated GET needs no Origin", async () => {
    expect((await api(vigil.url, "/api/v1/guards", { headers: { cookie: cookie() } })).status).toBe(200);
  });

  test("a bearer-authenticated POST needs no Origin", async () => {
    const response = await api(vigil.url, "/api/v1/guards", {
      method: "POST",
      token: vigil.adminToken,
      body: newGuard(),
    });
    expect(response.status).toBe(201);
  });
});
