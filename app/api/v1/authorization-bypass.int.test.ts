// Requests without a session that try to slip past authorization: Next.js's
// internal `x-middleware-subrequest` header (CVE-2025-29927), and path tricks
// (dot segments, encoded dots, double slashes, trailing slashes, upper case,
// `;` suffixes). Sent as raw HTTP so the paths reach the server unnormalized.
// Every one ends in 401/403/404/405 or a redirect to the sign-in page, and no
// response carries a canary guard's or device's name.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createGuard, uniqueId } from "../../../test/harness/api-client";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";

let vigil: TestVigil;
let canary: string;
let guardId: string;
let deviceId: string;
let alertId: string;
let policyId: string;

beforeAll(async () => {
  vigil = await startTestVigil();
  canary = uniqueId("canary");
  const guard = await createGuard(vigil.url, vigil.adminToken, { name: canary });
  guardId = guard.externalId;
  deviceId = uniqueId("phone");
  const device = await api(vigil.url, "/api/v1/devices", {
    method: "POST",
    token: vigil.adminToken,
    body: { externalId: deviceId, kind: "guard-phone", guardExternalId: guard.externalId, name: canary },
  });
  expect(device.status).toBe(201);
  // An alert from the canary guard, for the alert pages and the history.
  const [alert] = await vigil.sql<{ id: string }[]>`
    insert into alerts (tenant_id, source_key, type, severity, message, first_seen_at, last_seen_at, guard_id)
    select tenant_id, 'guard:' || id, 'panic', 'critical', ${canary}, now(), now(), id from guards where id = ${guard.id}
    returning id`;
  alertId = alert!.id;
  const contact = await api<{ id: string }>(vigil.url, "/api/v1/contacts", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: canary, email: "canary@vigil.test" },
  });
  const policy = await api<{ id: string }>(vigil.url, "/api/v1/escalation-policies", {
    method: "POST",
    token: vigil.adminToken,
    body: { name: "Canary policy", tiers: [{ contactIds: [contact.body.id], channels: ["email"] }] },
  });
  policyId = policy.body.id;
});

afterAll(async () => {
  await vigil?.dispose();
});

type RawResponse = { status: number; location: string | undefined; body: string };

function raw(
  path: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(vigil.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

const SUBREQUEST_VALUES = [
  "middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "pages/_middleware",
];

/** Path variants of a route that a naive prefix or exact-match check could miss. */
function tricks(route: string): string[] {
  const [, first = "", ...rest] = route.split("/");
  const tail = rest.join("/");
  return [
    route,
    `/${first}/${rest[0]}/../${tail}`,
    `/${first}/${rest[0]}/%2e%2e/${tail}`,
    `/${first}/${rest[0]}/%2E%2E/${tail}`,
    `/${first}/./${tail}`,
    `/${first}/%2e/${tail}`,
    `/${route}`,
    route.replaceAll("/", "//"),
    `${route}/`,
    `${route}/.`,
    route.toUpperCase(),
    `${route};.js`,
    `${route};jsessionid=x`,
    `${route}%3b`,
    `${route}%2f`,
    `${route}%00`,
    `${route}.json`,
    `/_next/..${route}`,
    `/_next/%2e%2e${route}`,
    `${route}?__nextDataReq=1`,
    `${route}?_rsc=1`,
  ];
}

const REFUSED = new Set([400, 401, 403, 404, 405]);

/** Follows redirects (raw) to the end; a page may end on the sign-in page, nothing else may answer 2xx. */
async function expectNoData(path: string, headers: Record<string, string>): Promise<void> {
  let current = path;
  for (let hop = 0; hop < 5; hop += 1) {
    const response = await raw(current, { headers });
    const what = `${path} [${JSON.stringify(headers)}] -> ${current}: ${response.status}`;
    expect(response.body, what).not.toContain(canary);
    if (response.status >= 300 && response.status < 400 && response.location) {
      const next = new URL(response.location, vigil.url);
      if (next.pathname === "/login") return;
      expect(next.origin, what).toBe(new URL(vigil.url).origin);
      current = `${next.pathname}${next.search}`;
      continue;
    }
    if (response.status >= 200 && response.status < 300) {
      // Only the sign-in page (a 200 for the `/login` path itself) may answer a page without a session.
      // A client-side navigation (RSC) gets the redirect inside the payload.
      if (headers.rsc && /NEXT_REDIRECT;replace;\/login;/.test(response.body)) return;
      expect(current.toLowerCase().split(/[?;]/)[0], what).toMatch(/^\/+login\/?$/);
      return;
    }
    expect(response.status, `${what}: a server error is not a refusal`).toBeLessThan(500);
    expect(REFUSED.has(response.status), what).toBe(true);
    return;
  }
  throw new Error(`${path}: too many redirects`);
}

const apiRoutes = () => [
  "/api/v1/alerts",
  "/api/v1/alerts?order=newest&format=csv",
  `/api/v1/alerts/${alertId}`,
  "/api/v1/guards",
  `/api/v1/guards/${guardId}/locations`,
  "/api/v1/devices",
  `/api/v1/devices/${deviceId}`,
  "/api/v1/positions",
  "/api/v1/positions/latest",
  "/api/v1/users",
  "/api/v1/account",
  "/api/v1/contacts",
  "/api/v1/quarantine",
  "/api/v1/sites",
  "/api/v1/tour-runs",
  "/api/v1/tenants",
  "/api/v1/escalation-policies",
  "/api/v1/reports/alert-outcomes",
  "/api/v1/reports/patrol-compliance?from=2026-01-01&to=2026-12-31",
  "/api/v1/audit-events",
  "/api/v1/device/me",
];

const pages = () => [
  "/",
  "/alerts",
  `/alerts/${alertId}`,
  "/devices",
  `/devices/${deviceId}`,
  "/guards",
  `/guards/${guardId}`,
  "/admin/users",
  "/account",
  "/admin/audit",
  "/quarantine",
  "/reports",
];

describe("no session, no data", () => {
  test("with a session the canary is there to be seen", async () => {
    const signedIn = await raw("/api/v1/guards", { headers: { authorization: `Bearer ${vigil.adminToken}` } });
    expect(signedIn.body).toContain(canary);
    // The audit log holds it too (the guard's creation), so its routes below are checked against a real leak.
    const audit = await raw("/api/v1/audit-events", { headers: { authorization: `Bearer ${vigil.adminToken}` } });
    expect(audit.body).toContain(canary);
  });

  test("API routes with path tricks answer 401/403/404/405 or redirect, never data", async () => {
    let requests = 0;
    for (const route of apiRoutes()) {
      for (const path of tricks(route)) {
        await expectNoData(path, {});
        requests += 1;
      }
    }
    console.log(`path tricks on ${apiRoutes().length} API routes: ${requests} requests, 0 with data`);
  });

  test("API routes with x-middleware-subrequest answer 401, never data", async () => {
    for (const route of apiRoutes()) {
      for (const value of SUBREQUEST_VALUES) {
        const response = await raw(route, { headers: { "x-middleware-subrequest": value } });
        expect(response.status, `${route} with ${value}`).toBe(401);
        expect(response.body).not.toContain(canary);
      }
    }
  });

  test("pages with path tricks and x-middleware-subrequest end on the sign-in page, never data", async () => {
    let requests = 0;
    for (const route of pages()) {
      for (const path of tricks(route)) {
        const variants: Record<string, string>[] = [
          {},
          { "x-middleware-subrequest": SUBREQUEST_VALUES[1]! },
          { rsc: "1" },
        ];
        for (const headers of variants) {
          await expectNoData(path, headers);
          requests += 1;
        }
      }
    }
    console.log(`path tricks on ${pages().length} pages: ${requests} requests, 0 with data`);
    // About 2 s of requests a page (63 each, every one rendering or redirecting): more than the default 20 s.
  }, 60_000);

  test("a mutation with path tricks and x-middleware-subrequest changes nothing", async () => {
    const before = await vigil.sql`select count(*)::int as n from guards`;
    for (const path of tricks("/api/v1/guards")) {
      const response = await raw(path, {
        method: "POST",
        headers: { "content-type": "application/json", "x-middleware-subrequest": SUBREQUEST_VALUES[1]! },
        body: JSON.stringify({ externalId: uniqueId("intruder"), name: "Intruder" }),
      });
      expect(
        response.status === 401 || REFUSED.has(response.status) || (response.status >= 300 && response.status < 400),
        `${path}: ${response.status}`,
      ).toBe(true);
    }
    const after = await vigil.sql`select count(*)::int as n from guards`;
    expect(after).toEqual(before);
  });

  test("an edit or a removal with path tricks and x-middleware-subrequest changes nothing", async () => {
    const mutations = [
      { route: `/api/v1/guards/${guardId}`, method: "PATCH", body: { name: "Intruder", active: false } },
      { route: `/api/v1/devices/${deviceId}`, method: "DELETE", body: undefined },
      // "Test this policy" sends real SMS and emails.
      { route: `/api/v1/escalation-policies/${policyId}/test`, method: "POST", body: undefined },
      { route: `/api/v1/guards/${guardId}/pins`, method: "PUT", body: { pin: "1111", duressPin: "2222" } },
    ];
    for (const { route, method, body } of mutations) {
      for (const path of tricks(route)) {
        const response = await raw(path, {
          method,
          headers: { "content-type": "application/json", "x-middleware-subrequest": SUBREQUEST_VALUES[1]! },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        expect(
          REFUSED.has(response.status) || (response.status >= 300 && response.status < 400),
          `${method} ${path}: ${response.status}`,
        ).toBe(true);
      }
    }
    const [guard] = await vigil.sql`
      select name, deactivated_at, pin_hash from guards where external_id = ${guardId}`;
    expect(guard).toEqual({ name: canary, deactivated_at: null, pin_hash: null });
    expect(await vigil.sql`select 1 from devices where external_id = ${deviceId}`).toHaveLength(1);
    expect(await vigil.sql`select 1 from deletions`).toHaveLength(0);
    expect(await vigil.sql`select 1 from notification_deliveries`).toHaveLength(0);
  });
});
