// Shared e2e fixtures: where the Vigil started by global-setup runs, an API
// client signed in as its admin, and a device-side MQTT publish through the
// real mosquitto_pub.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export type Vigil = { url: string; mqttPort: number; admin: { email: string; password: string } };
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
      });
    },
    { scope: "worker" },
  ],
  baseURL: async ({ vigil }, use) => use(vigil.url),
  api: async ({ vigil, playwright }, use) => {
    const anonymous = await playwright.request.newContext({ baseURL: vigil.url });
    const login = await anonymous.post("/api/v1/sessions", { data: vigil.admin });
    expect(login.status(), await login.text()).toBe(201);
    const { token } = (await login.json()) as { token: string };
    await anonymous.dispose();
    const api = await playwright.request.newContext({
      baseURL: vigil.url,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    await use(api);
    await api.delete("/api/v1/sessions/current");
    await api.dispose();
  },
});

export { expect };

function connectArgs(vigil: Vigil, credentials: MqttCredentials | null): string[] {
  const login = credentials ? ["-u", credentials.username, "-P", credentials.password] : [];
  return ["-h", "127.0.0.1", "-p", String(vigil.mqttPort), ...login, "-q", "1"];
}

/**
 * Publishes one message as a device would (QoS 1, its own credentials), or
 * anonymously with `null` credentials (the e2e Vigil allows anonymous uplink).
 */
export async function publish(
  vigil: Vigil,
  credentials: MqttCredentials | null,
  topic: string,
  payload: unknown,
): Promise<void> {
  // mosquitto_pub exits non-zero if the broker refuses the login or the publish.
  await run("mosquitto_pub", [...connectArgs(vigil, credentials), "-t", topic, "-m", JSON.stringify(payload)], {
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

/** Signs in through the sign-in page and waits for the NOC. */
export async function signIn(page: Page, vigil: Vigil): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(vigil.admin.email);
  await page.getByLabel("Password").fill(vigil.admin.password);
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
