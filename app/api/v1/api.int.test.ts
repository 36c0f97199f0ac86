// The REST API over real HTTP: authentication, sessions, validation,
// conflicts, tenant isolation; and the ops endpoints. CSRF: csrf.int.test.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GuardDto } from "@/server/contracts/api";
import { api, createGuard, logIn, uniqueId, type ApiError } from "@/test/harness/api-client";
import { createTenant, createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

const issuePaths = (body: unknown) => (body as ApiError).error.issues?.map((i) => i.path) ?? [];

describe("authentication", () => {
  test("a request without credentials is 401", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/guards");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
  });

  test("a request with an unknown bearer token is 401", async () => {
    expect((await api(vigil.url, "/api/v1/guards", { token: "made-up-token" })).status).toBe(401);
  });

  test("logging in with the right password returns a token (201)", async () => {
    const response = await api<{ token: string; expiresAt: string }>(vigil.url, "/api/v1/sessions", {
      method: "POST",
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(response.status).toBe(201);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    expect((await api(vigil.url, "/api/v1/guards", { token: response.body.token })).status).toBe(200);
  });

  test("the email is matched without regard to case", async () => {
    const token = await logIn(vigil.url, { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(token).toBeTruthy();
  });

  test("a wrong password is 401", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/sessions", {
      method: "POST",
      body: { email: ADMIN_EMAIL, password: "wrong-password" },
    });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe("Wrong email or password.");
  });

  test("after 5 failures for one email from one address, that address waits (429) even with the right password", async () => {
    const user = await createUser(vigil.sql, { tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL), role: "operator" });
    for (let i = 0; i < 5; i++) {
      const failed = await api(vigil.url, "/api/v1/sessions", {
        method: "POST",
        body: { email: user.email, password: `wrong-${i}` },
      });
      expect(failed.status).toBe(401);
    }
    const limited = await api<ApiError>(vigil.url, "/api/v1/sessions", {
      method: "POST",
      body: { email: user.email, password: user.password },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other accounts are not locked out by it.
    expect(await logIn(vigil.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).toBeTruthy();
    // Seven scrypt checks at N=2^17: seconds on a busy machine.
  }, 60_000);

  test("DELETE /api/v1/sessions/current revokes the token", async () => {
    const token = await logIn(vigil.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const response = await api(vigil.url, "/api/v1/sessions/current", { method: "DELETE", token });
    expect(response.status).toBe(204);
    expect((await api(vigil.url, "/api/v1/guards", { token })).status).toBe(401);
    // Other sessions of the same user stay valid.
    expect((await api(vigil.url, "/api/v1/guards", { token: vigil.adminToken })).status).toBe(200);
  });
});

describe("validation and conflicts", () => {
  test("a bad guard body is 422 naming each field", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/guards", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: "has spaces/and slash", name: "", phone: "12345" },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("invalid_input");
    expect(issuePaths(response.body).sort()).toEqual(["externalId", "name", "phone"]);
  });

  test("a missing field is 422 naming it", async () => {
    const response = await api(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: uniqueId("phone") },
    });
    expect(response.status).toBe(422);
    expect(issuePaths(response.body)).toEqual(["kind"]);
  });

  test("a bad query parameter is 422 naming it", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const response = await api(vigil.url, `/api/v1/guards/${guard.externalId}/locations?since=yesterday&limit=0`, {
      token: vigil.adminToken,
    });
    expect(response.status).toBe(422);
    expect(issuePaths(response.body).sort()).toEqual(["query.limit", "query.since"]);
  });

  test("a body that is not JSON is 400", async () => {
    const response = await api(vigil.url, "/api/v1/guards", {
      method: "POST",
      token: vigil.adminToken,
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  test("a duplicate guard externalId in our own tenant is 409 naming the field", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const response = await api<ApiError>(vigil.url, "/api/v1/guards", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: guard.externalId, name: "Twin" },
    });
    expect(response.status).toBe(409);
    expect(issuePaths(response.body)).toEqual(["externalId"]);
  });

  test("a duplicate device externalId in our own tenant is 409", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const body = { externalId: uniqueId("phone"), kind: "guard-phone", guardExternalId: guard.externalId };
    const first = await api(vigil.url, "/api/v1/devices", { method: "POST", token: vigil.adminToken, body });
    expect(first.status).toBe(201);
    const second = await api(vigil.url, "/api/v1/devices", { method: "POST", token: vigil.adminToken, body });
    expect(second.status).toBe(409);
  });

  test("a guard externalId taken in another tenant answers like an invalid id (422 on externalId), not 409", async () => {
    const other = await createTenant(vigil.sql);
    const theirs = await createGuard(vigil.url, await logIn(vigil.url, other));
    const attempt = (externalId: string) =>
      api<ApiError>(vigil.url, "/api/v1/guards", {
        method: "POST",
        token: vigil.adminToken,
        body: { externalId, name: "Twin" },
      });
    const [taken, invalid] = [await attempt(theirs.externalId), await attempt("has spaces/and slash")];
    const shape = (r: typeof taken) => ({ status: r.status, code: r.body.error.code, paths: issuePaths(r.body) });
    expect(shape(taken)).toEqual({ status: 422, code: "invalid_input", paths: ["externalId"] });
    expect(shape(taken)).toEqual(shape(invalid));
    expect(JSON.stringify(taken.body)).not.toMatch(/in use|exists|another tenant/i);
  }, 60_000);

  test("a device externalId taken in another tenant is a 422 that does not say it exists", async () => {
    const other = await createTenant(vigil.sql);
    const otherToken = await logIn(vigil.url, other);
    const guard = await createGuard(vigil.url, otherToken);
    const body = { externalId: uniqueId("phone"), kind: "guard-phone", guardExternalId: guard.externalId };
    expect((await api(vigil.url, "/api/v1/devices", { method: "POST", token: otherToken, body })).status).toBe(201);
    const again = await api<ApiError>(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: vigil.adminToken,
      body: { externalId: body.externalId, kind: "sensor" },
    });
    expect(again.status).toBe(422);
    expect(issuePaths(again.body)).toEqual(["externalId"]);
    expect(again.body.error.message).not.toMatch(/in use|exists/i);
  }, 60_000);

  test("a user email taken in another tenant is a 422 that does not say it exists", async () => {
    const other = await createTenant(vigil.sql);
    const response = await api<ApiError>(vigil.url, "/api/v1/users", {
      method: "POST",
      token: vigil.adminToken,
      body: { email: other.email, name: "Twin", role: "operator", password: "long enough" },
    });
    expect(response.status).toBe(422);
    expect(issuePaths(response.body)).toEqual(["email"]);
    expect(response.body.error.message).not.toMatch(/in use|exists/i);
  }, 60_000);

  test("an unknown guard is 404", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/guards/no-such-guard/locations", {
      token: vigil.adminToken,
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });

  test("an unknown device is 404", async () => {
    expect((await api(vigil.url, "/api/v1/devices/no-such-device", { token: vigil.adminToken })).status).toBe(404);
  });

  test("an operator may not register guards (403)", async () => {
    const operator = await createUser(vigil.sql, {
      tenantId: await tenantOf(vigil.sql, ADMIN_EMAIL),
      role: "operator",
    });
    const token = await logIn(vigil.url, operator);
    const response = await api(vigil.url, "/api/v1/guards", {
      method: "POST",
      token,
      body: { externalId: uniqueId("guard"), name: "Nope" },
    });
    expect(response.status).toBe(403);
    expect((await api(vigil.url, "/api/v1/guards", { token })).status).toBe(200);
  });
});

describe("tenant isolation", () => {
  test("another tenant's guard is 404 and absent from its lists", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const other = await createTenant(vigil.sql);
    const otherToken = await logIn(vigil.url, other);

    const locations = await api(vigil.url, `/api/v1/guards/${guard.externalId}/locations`, { token: otherToken });
    expect(locations.status).toBe(404);
    const list = await api<GuardDto[]>(vigil.url, "/api/v1/guards", { token: otherToken });
    expect(list.status).toBe(200);
    expect(list.body.map((g) => g.externalId)).not.toContain(guard.externalId);
    const positions = await api<unknown[]>(vigil.url, "/api/v1/positions", { token: otherToken });
    expect(positions.body).toEqual([]);
  });

  test("a device cannot be attached to another tenant's guard", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const otherToken = await logIn(vigil.url, await createTenant(vigil.sql));
    const response = await api(vigil.url, "/api/v1/devices", {
      method: "POST",
      token: otherToken,
      body: { externalId: uniqueId("phone"), kind: "guard-phone", guardExternalId: guard.externalId },
    });
    expect(response.status).toBe(404);
  });
});

describe("ops endpoints", () => {
  test("/healthz is 200", async () => {
    const response = await api(vigil.url, "/healthz");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  test("/readyz is 200 with database, worker and broker ok, and the operational details", async () => {
    const response = await api<{ status: string; checks: Record<string, { ok: boolean }> }>(vigil.url, "/readyz");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, worker: { ok: true }, broker: { ok: true } },
    });
    expect(Object.keys(response.body.checks).sort()).toEqual(
      ["broker", "database", "disk", "messages", "notifications", "queue", "worker"].sort(),
    );
  });

  test("/metrics is Prometheus text with vigil_mqtt_messages_total", async () => {
    const response = await fetch(new URL("/metrics", vigil.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain("# TYPE vigil_mqtt_messages_total counter");
    expect(text).toMatch(/^vigil_http_requests_total\{route="\/api\/v1\/guards",method="GET",status="200"\} \d+/m);
  });
});
