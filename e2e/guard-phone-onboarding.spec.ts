// Persona: the admin onboards a guard's phone. The device panel shows, once,
// the codes that configure OwnTracks (MQTT or HTTP mode) and the settings of
// Traccar Client; the test then does what each app does with them: it reads
// the configuration out of the link (as OwnTracks does), connects and posts
// with exactly those settings, and the guard's position follows each protocol.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { expect, screenshotDir, signIn, test } from "./fixtures";

const run = promisify(execFile);

/** The .otrc inside an owntracks:///config?inline= link (owntracks.org/booklet/features/remoteconfig). */
function configurationOf(link: string): Record<string, string | number | boolean> {
  const inline = new URL(link).searchParams.get("inline") ?? "";
  return JSON.parse(Buffer.from(inline, "base64").toString("utf8")) as Record<string, string | number | boolean>;
}

async function newestFix(api: APIRequestContext, guard: string): Promise<{ lat: number; lon: number } | undefined> {
  const fixes = (await (await api.get(`/api/v1/guards/${guard}/locations`)).json()) as { lat: number; lon: number }[];
  return fixes.at(-1);
}

test("a guard's phone is configured from the codes on the device panel, in each protocol", async ({
  page,
  api,
  vigil,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const guard = `guard-ob-${suffix}`;
  const phone = `phone-ob-${suffix}`;
  expect((await api.post("/api/v1/guards", { data: { externalId: guard, name: "Ravi Kumar" } })).ok()).toBe(true);

  await signIn(page, vigil);
  await page.goto("/devices");
  await page.getByRole("button", { name: "Register device" }).click();
  const form = page.getByRole("form", { name: "Register a device" });
  await form.getByLabel("External id").fill(phone);
  await form.getByLabel("Kind").selectOption("guard-phone");
  await form.getByLabel("Guard id (optional)").fill(guard);
  await form.getByRole("button", { name: "Register", exact: true }).click();

  const shown = page.getByRole("region", { name: "MQTT credentials" });
  await expect(shown.getByRole("img", { name: "QR code that configures OwnTracks in MQTT mode" })).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, "onboarding-codes.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await shown.getByRole("img", { name: /MQTT mode/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, "onboarding-codes-phone.png") });
  const trackingKey = (await shown.getByTestId("tracking-key").textContent()) ?? "";
  const traccarUrl = (await shown.getByTestId("traccar-server-url").textContent()) ?? "";
  const mqttMode = configurationOf((await shown.getByTestId("owntracks-mqtt-link").getAttribute("href")) ?? "");
  await shown.getByText("HTTP mode instead").click();
  const httpMode = configurationOf((await shown.getByTestId("owntracks-http-link").getAttribute("href")) ?? "");

  await test.step("OwnTracks in MQTT mode, with the settings from the code", async () => {
    expect(mqttMode).toMatchObject({ _type: "configuration", mode: 0, username: phone, port: vigil.mqttPort });
    // A minute apart: OwnTracks names a fix by its device and second, and a resent one is stored once.
    const fix = { _type: "location", lat: 12.9801, lon: 77.6012, tst: Math.floor(Date.now() / 1000) - 120, acc: 8 };
    const { host, port, username, password, clientId, deviceId } = mqttMode;
    await run("mosquitto_pub", [
      ...["-h", String(host), "-p", String(port), "-u", String(username), "-P", String(password)],
      ...["-i", String(clientId), "-q", "1", "-t", `owntracks/${username}/${deviceId}`, "-m", JSON.stringify(fix)],
    ]);
    await expect.poll(() => newestFix(api, guard)).toMatchObject({ lat: 12.9801, lon: 77.6012 });
  });

  await test.step("OwnTracks in HTTP mode, with the settings from the code", async () => {
    expect(httpMode).toMatchObject({ mode: 3, username: phone });
    const { url, username, password } = httpMode;
    const response = await fetch(String(url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
        "x-limit-u": String(username),
        "x-limit-d": "phone",
      },
      body: JSON.stringify({ _type: "location", lat: 12.9811, lon: 77.6022, tst: Math.floor(Date.now() / 1000) - 60 }),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => newestFix(api, guard)).toMatchObject({ lat: 12.9811, lon: 77.6022 });
  });

  await test.step("Traccar Client, with the server URL and the tracking key shown", async () => {
    const query = new URLSearchParams({
      id: trackingKey,
      lat: "12.9821",
      lon: "77.6032",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    expect((await fetch(`${traccarUrl}?${query}`)).status).toBe(200);
    await expect.poll(() => newestFix(api, guard)).toMatchObject({ lat: 12.9821, lon: 77.6032 });
  });
});
