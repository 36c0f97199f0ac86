// Shared e2e fixtures: where the Vigil started by global-setup runs, an API
// client signed in as its admin, and a device-side MQTT publish through the
// real mosquitto_pub.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { test as base, expect, type APIRequestContext } from "@playwright/test";

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

/** Publishes one message as a device would (QoS 1, its own credentials). */
export async function publish(
  vigil: Vigil,
  credentials: MqttCredentials,
  topic: string,
  payload: unknown,
): Promise<void> {
  // mosquitto_pub exits non-zero if the broker refuses the login or the publish.
  // prettier-ignore
  await run("mosquitto_pub", [
    "-h", "127.0.0.1", "-p", String(vigil.mqttPort),
    "-u", credentials.username, "-P", credentials.password,
    "-q", "1", "-t", topic, "-m", JSON.stringify(payload),
  ], { timeout: 10_000 });
}
