// Shared e2e fixtures: where the Vigil started by global-setup runs (and its
// operator accounts), an API client signed in as its admin, a device-side
// MQTT publish through the real mosquitto_pub, and what the fake SMS and
// email providers received.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import {
  test as base,
  expect,
  type APIRequest,
  type APIRequestContext,
  type Browser,
  type Page,
  type PlaywrightWorkerArgs,
} from "@playwright/test";

export type Account = { email: string; password: string };
export type Vigil = {
  url: string;
  mqttPort: number;
  admin: Account;
  /** Two users with the operator role, in the admin's tenant. */
  operators: [Account, Account];
  /** A user with the supervisor role, in the admin's tenant. */
  supervisor: Account;
  fakeProvidersUrl: string;
  /** The embedded database, for seeding rows no API writes yet (sites, geofence violations). */
  databaseUrl: string;
};
export type MqttCredentials = { username: string; password: string };

const run = promisify(execFile);

export const screenshotDir = path.join(import.meta.dirname, "screenshots");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts (global setup)`);
  return value;
}

export const test = base.extend<{ api: APIRequestContext }, { vigil: Vigil }>({
  vigil: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      await use({
        url: required("VIGIL_E2E_URL"),
        mqttPort: Number(required("VIGIL_E2E_MQTT_PORT")),
        admin: { email: required("VIGIL_E2E_ADMIN_EMAIL"), password: required("VIGIL_E2E_ADMIN_PASSWORD") },
        operators: JSON.parse(required("VIGIL_E2E_OPERATORS")) as [Account, Account],
        supervisor: JSON.parse(required("VIGIL_E2E_SUPERVISOR")) as Account,
        fakeProvidersUrl: required("VIGIL_E2E_FAKE_PROVIDERS_URL"),
        databaseUrl: required("VIGIL_E2E_DATABASE_URL"),
      });
    },
    { scope: "worker" },
  ],
  baseURL: async ({ vigil }, use) => use(vigil.url),
  api: async ({ vigil, playwright }, use) => {
    const api = await adminApi(playwright, vigil);
    await use(api);
    await endAdminApi(api);
  },
});

/** An API client signed in as the admin (a bearer token), for hooks such as afterAll that have no `api` fixture. */
export async function adminApi(
  playwright: PlaywrightWorkerArgs["playwright"],
  vigil: Vigil,
): Promise<APIRequestContext> {
  const anonymous = await playwright.request.newContext({ baseURL: vigil.url });
  const login = await anonymous.post("/api/v1/sessions", { data: vigil.admin });
  expect(login.status(), await login.text()).toBe(201);
  const { token } = (await login.json()) as { token: string };
  await anonymous.dispose();
  return playwright.request.newContext({ baseURL: vigil.url, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

export async function endAdminApi(api: APIRequestContext): Promise<void> {
  await api.delete("/api/v1/sessions/current");
  await api.dispose();
}

export { expect };

/**
 * A tenant of the spec's own, made by the super-admin, and its admin's API: its guards' positions and alerts stay off
 * the shared tenant's NOC (whose map frames every guard). slug names the account, name the tenant.
 */
export async function ownTenant(
  superAdmin: APIRequestContext,
  vigil: Vigil,
  playwright: { request: APIRequest },
  slug: string,
  name: string,
): Promise<{ suffix: string; account: Account; api: APIRequestContext }> {
  const suffix = Date.now().toString(36);
  const account = { email: `${slug}-${suffix}@vigil.test`, password: `${slug}-correct-horse-battery` };
  const tenant = await superAdmin.post("/api/v1/tenants", {
    data: { name: `${name} ${suffix}`, adminEmail: account.email, adminPassword: account.password },
  });
  expect(tenant.status(), await tenant.text()).toBe(201);
  const login = await playwright.request.newContext({ baseURL: vigil.url });
  const session = await login.post("/api/v1/sessions", { data: account });
  expect(session.status(), await session.text()).toBe(201);
  const { token } = (await session.json()) as { token: string };
  await login.dispose();
  const api = await playwright.request.newContext({
    baseURL: vigil.url,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  return { suffix, account, api };
}

/** Creates a guard and registers their phone; the phone's login is returned, as the API shows it only once. */
export async function registerGuardWithPhone(
  api: APIRequestContext,
  guard: { externalId: string; name: string },
  phoneExternalId: string,
): Promise<{ mqtt: MqttCredentials; trackingKey: string }> {
  const created = await api.post("/api/v1/guards", { data: guard });
  expect(created.status(), await created.text()).toBe(201);
  const device = await api.post("/api/v1/devices", {
    data: { externalId: phoneExternalId, kind: "guard-phone", guardExternalId: guard.externalId },
  });
  expect(device.status(), await device.text()).toBe(201);
  const { mqtt, trackingKey } = (await device.json()) as { mqtt: MqttCredentials; trackingKey: string };
  return { mqtt, trackingKey };
}

/**
 * The NOC fits its map to every guard's latest position: a spec whose guards report far from the others removes
 * their positions when done, so the view other specs expect does not change (externalIdLike: a LIKE pattern).
 */
export async function forgetGuardPositions(vigil: Vigil, externalIdLike: string): Promise<void> {
  const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from guard_positions where guard_id in (select id from guards where external_id like ${externalIdLike})`;
  } finally {
    await sql.end();
  }
}

function connectArgs(vigil: Vigil, credentials: MqttCredentials | null, qos: 0 | 1 | 2 = 1): string[] {
  // A device connects with a client id it owns: its external id, here followed by `@` and a suffix.
  const login = credentials
    ? [
        "-i",
        `${credentials.username}@e2e-${randomBytes(3).toString("hex")}`,
        "-u",
        credentials.username,
        "-P",
        credentials.password,
      ]
    : [];
  return ["-h", "127.0.0.1", "-p", String(vigil.mqttPort), ...login, "-q", String(qos)];
}

/**
 * Publishes one message as a device would (QoS 1 unless told, its own
 * credentials), or anonymously with `null` credentials (the e2e Vigil allows
 * anonymous uplink). Panics go with `{ qos: 2 }`, as devices send them.
 */
export async function publish(
  vigil: Vigil,
  credentials: MqttCredentials | null,
  topic: string,
  payload: unknown,
  { qos = 1 }: { qos?: 0 | 1 | 2 } = {},
): Promise<void> {
  // mosquitto_pub exits non-zero if the broker refuses the login or the publish.
  await run("mosquitto_pub", [...connectArgs(vigil, credentials, qos), "-t", topic, "-m", JSON.stringify(payload)], {
    timeout: 10_000,
  });
}

/** Publishes many messages on one connection (mosquitto_pub -l, one message a line). */
export async function publishMany(
  vigil: Vigil,
  credentials: MqttCredentials,
  topic: string,
  payloads: unknown[],
): Promise<void> {
  const child = spawn("mosquitto_pub", [...connectArgs(vigil, credentials), "-t", topic, "-l"], {
    stdio: ["pipe", "ignore", "pipe"],
    timeout: 20_000,
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(payloads.map((p) => JSON.stringify(p)).join("\n") + "\n");
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`mosquitto_pub -l exited ${code}: ${stderr}`);
}

/** Signs in through the sign-in page (as the admin unless told) and waits for the NOC. */
export async function signIn(page: Page, vigil: Vigil, account: Account = vigil.admin): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${vigil.url}/`);
}

/** A phone-sized page (390x844, touch) signed in as the same user as `page`. */
export async function phonePage(browser: Browser, page: Page, vigil: Vigil): Promise<Page> {
  const context = await browser.newContext({
    baseURL: vigil.url,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

/** Resolves every open alert (outcome "test"), so a test starts from a quiet NOC. */
export async function resolveOpenAlerts(api: APIRequestContext): Promise<void> {
  const open = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as { id: string }[];
  for (const { id } of open) {
    const resolved = await api.post(`/api/v1/alerts/${id}/resolve`, { data: { outcome: "test" } });
    expect([200, 409], await resolved.text()).toContain(resolved.status());
  }
}

export type RecordedRequest = { provider: "twilio" | "resend" | "push"; path: string; body: Record<string, string> };

/** Every request the fake Twilio and Resend APIs have received so far in this run. */
export async function providerRequests(vigil: Vigil): Promise<RecordedRequest[]> {
  const response = await fetch(`${vigil.fakeProvidersUrl}/requests`);
  expect(response.status).toBe(200);
  return (await response.json()) as RecordedRequest[];
}
