// Every /api/v1 operation answers as the OpenAPI document says (issue 17): the
// calls of the tenant-isolation matrix, made for real on the same seeded two
// tenants, by tenant A's admin (the owner: real success answers, plus a few
// calls the matrix cannot make, such as a correct sign-in) and by every role of
// tenant B (denials and B's own rows). Each answer's status must be documented
// for its operation and its body must match the documented JSON Schema, whose
// objects forbid unknown fields; and every operation must have answered a
// success at least once. The document is the one the server serves, generated
// from the same operation objects the route handlers are built from, so an
// answer that drifts from its schema fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { UserRole } from "@/server/contracts/api";
import type { QuarantinePageDto } from "@/server/contracts/quarantine";
import { base32Decode, hotp, totpStep } from "@/server/auth/totp";
import { hashToken } from "@/server/auth/session-token";
import { buildOpenApiDocument } from "@/server/openapi/build-document";
import { signAlertLink } from "@/server/services/alerts/alert-link";
import { api, logIn, uniqueId, type ApiResponse } from "@/test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "@/test/harness/mqtt-device";
import { openApiAnswerChecker, type OpenApiDocument } from "@/test/harness/openapi-answers";
import { createTenant, createUser, tenantOf, type TestUser } from "@/test/harness/tenants";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";
import { B_ROLES, MATRIX, pushBody, type Method, type TenantA } from "@/test/tenant-isolation/matrix";
import { seedTenantA } from "@/test/tenant-isolation/seed-tenant-a";

let vigil: TestVigil;
let a: TenantA;
let bUsers: { role: UserRole; user: TestUser; token: string }[];
let served: ApiResponse<OpenApiDocument>;
let checker: ReturnType<typeof openApiAnswerChecker>;
const problems: string[] = [];
/** "GET /api/v1/alerts/{id}" for each operation that answered a 2xx. */
const succeeded = new Set<string>();

beforeAll(async () => {
  // Anonymous MQTT: an unknown device publishes, so that its quarantined message can be registered.
  vigil = await startTestVigil({ env: { MQTT_ALLOW_ANONYMOUS: "true" } });
  const bAdmin = await createTenant(vigil.sql, { name: "Tenant B" });
  bUsers = await Promise.all(
    B_ROLES.map(async (role) => {
      const user = role === "admin" ? bAdmin : await createUser(vigil.sql, { tenantId: bAdmin.tenantId, role });
      return { role, user, token: await logIn(vigil.url, user) };
    }),
  );
  a = await seedTenantA(vigil);
  served = await api<OpenApiDocument>(vigil.url, "/api/v1/openapi.json");
  checker = openApiAnswerChecker(served.body);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
});

async function call(
  method: Method,
  route: string,
  { token, body, headers }: { token?: string; body?: unknown; headers?: Record<string, string> },
) {
  const response = await api(vigil.url, route, { method, token, body, headers });
  problems.push(...checker.problems(method, route, response));
  const operation = checker.operationOf(method, route);
  if (operation && response.status < 300) succeeded.add(operation);
  return response;
}

/** The owner's matrix calls: reads first, deletions last, so each call finds the rows it names. */
const METHOD_ORDER: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const byMethod = ([x]: [string, unknown], [y]: [string, unknown]) =>
  METHOD_ORDER.indexOf(x.split(" ")[1] as Method) - METHOD_ORDER.indexOf(y.split(" ")[1] as Method);

/** What the matrix cannot do as the owner: sign in correctly, and succeed where it aims at taken ids or forged links. */
async function ownerOnlyCalls(token: string) {
  await call("POST", "/api/v1/sessions", { token, body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  await call("POST", "/api/v1/guards", { token, body: { externalId: uniqueId("guard"), name: "New guard" } });
  // A has its default policy: one for its site, in quiet hours, with a fallback.
  await call("POST", "/api/v1/escalation-policies", {
    token,
    body: {
      name: "Site policy",
      match: { siteIds: [a.site.id], severities: ["low", "info"] },
      priority: 10,
      quietHours: { from: "22:00", to: "07:00", timezone: "Asia/Kolkata" },
      tiers: [{ contactIds: [a.contact.id], channels: ["email"], fallback: { channel: "sms", afterSeconds: 60 } }],
    },
  });

  const user = await call("POST", "/api/v1/users", {
    token,
    body: { email: `${uniqueId("user")}@tenant.test`, name: "New user", role: "operator", password: "long enough" },
  });
  const userId = (user.body as { id: string }).id;
  await call("PATCH", `/api/v1/users/${userId}`, { token, body: { name: "Renamed" } });

  // That user's own account: a password change and a second factor; then the admin's resets of both.
  const userEmail = (user.body as { email: string }).email;
  const userToken = await logIn(vigil.url, { email: userEmail, password: "long enough" });
  await call("POST", "/api/v1/account/password", {
    token: userToken,
    body: { currentPassword: "long enough", newPassword: "long enough too" },
  });
  const enrolment = await call("POST", "/api/v1/account/totp", { token: userToken });
  const { secret } = enrolment.body as { secret: string };
  await call("POST", "/api/v1/account/totp/confirm", {
    token: userToken,
    body: { code: hotp(base32Decode(secret), totpStep(Date.now())) },
  });
  await call("PUT", `/api/v1/users/${userId}/password`, { token, body: { password: "long enough" } });
  await call("POST", `/api/v1/users/${userId}/password-reset`, { token });
  await call("DELETE", `/api/v1/users/${userId}/totp`, { token });
  // A reset link's token as the worker makes it (no email provider here): its SHA-256 is stored.
  const resetToken = uniqueId("reset-token");
  await vigil.sql`insert into password_reset_tokens (tenant_id, user_id, token_hash, expires_at)
    select tenant_id, id, ${hashToken(resetToken)}, now() + interval '30 minutes' from users where id = ${userId}`;
  await call("POST", "/api/v1/password-resets", { token, body: { token: resetToken, password: "long enough" } });
  // The matrix aims at A's admin, who cannot remove themself (409): this user can be removed.
  await call("DELETE", `/api/v1/users/${userId}`, { token });

  // A checkpoint and a tour of their own, ended and removed (the site's go with it at the end of the matrix).
  const checkpoint = await call("POST", `/api/v1/sites/${a.site.id}/checkpoints`, { token, body: { name: "Spare" } });
  const checkpointId = (checkpoint.body as { id: string }).id;
  const tour = await call("POST", `/api/v1/sites/${a.site.id}/tours`, {
    token,
    body: { name: "Spare round", checkpointIds: [checkpointId], startAt: new Date().toISOString(), windowMinutes: 5 },
  });
  await call("DELETE", `/api/v1/sites/${a.site.id}/tours/${(tour.body as { id: string }).id}`, { token });
  await call("DELETE", `/api/v1/sites/${a.site.id}/checkpoints/${checkpointId}`, { token });

  const [queued] = await vigil.sql<{ id: string }[]>`
    insert into training_runs (tenant_id, status, total_epochs)
    values (${await tenantOf(vigil.sql, ADMIN_EMAIL)}, 'queued', 3) returning id`;
  await call("POST", `/api/v1/training-runs/${queued!.id}/cancel`, { token });

  // An unknown device's message, quarantined and then registered.
  const unknown = uniqueId("unknown");
  const anonymous = await connectDevice(vigil.mqttUrl);
  await publishJson(anonymous, `sensor/${unknown}/smoke`, { value: true });
  await endQuietly(anonymous);
  const entry = await waitFor(async () => {
    const page = await api<QuarantinePageDto>(vigil.url, "/api/v1/quarantine", { token });
    return page.body.items.find((i) => i.registrableExternalId === unknown);
  });
  await call("POST", `/api/v1/quarantine/${entry.id}/register`, { token, body: { kind: "sensor" } });

  // A's contact opts in and out through the signed link of A's alert.
  const { sessionSecret } = JSON.parse(readFileSync(path.join(vigil.dataDir, "secrets.json"), "utf8")) as {
    sessionSecret: string;
  };
  const link = {
    alertId: a.alertId,
    token: signAlertLink(
      { alertId: a.alertId, contactId: a.contact.id, expiresAt: Date.now() + 600_000 },
      sessionSecret,
    ),
  };
  const subscription = pushBody();
  await call("POST", "/api/v1/push-subscriptions/link", { token, body: { ...subscription, ...link } });
  await call("DELETE", "/api/v1/push-subscriptions/link", {
    token,
    body: { endpoint: subscription.endpoint, ...link },
  });

  // A phone enrolled for the guard app with its one-time token, then calling as that device.
  const phone = await call("POST", `/api/v1/guards/${a.guard.externalId}/phone-enrolments`, { token });
  const enrolToken = (phone.body as { enrolPath: string }).enrolPath.split("#")[1];
  const login = await call("POST", "/api/v1/phone-enrolments", { body: { token: enrolToken } });
  const { username, password } = login.body as { username: string; password: string };
  const basic = { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
  await call("GET", "/api/v1/device/me", { headers: basic });
  await call("POST", "/api/v1/device/push-subscriptions", { headers: basic, body: pushBody() });
}

describe("real answers match the OpenAPI document", () => {
  test("the served document is the one generated from the operations", () => {
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  test("tenant A's admin: every answer is documented and matches its schema, and every operation succeeds once", async () => {
    const token = vigil.adminToken;
    await ownerOnlyCalls(token);
    for (const [key, build] of Object.entries(MATRIX).sort(byMethod)) {
      const method = key.split(" ")[1] as Method;
      for (const c of build(a)) {
        const callToken = c.freshToken
          ? await logIn(vigil.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
          : token;
        await call(method, c.path, { token: callToken, body: c.body });
      }
    }
    expect(problems).toEqual([]);
    const documented = Object.entries(served.body.paths).flatMap(([url, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${url}`),
    );
    expect(documented.filter((operation) => !succeeded.has(operation))).toEqual([]);
  }, 90_000);

  test("every role of tenant B: every answer is documented and matches its schema", async () => {
    problems.length = 0;
    for (const { user, token } of bUsers) {
      for (const [key, build] of Object.entries(MATRIX)) {
        const method = key.split(" ")[1] as Method;
        for (const c of build(a)) {
          await call(method, c.path, { token: c.freshToken ? await logIn(vigil.url, user) : token, body: c.body });
        }
      }
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
