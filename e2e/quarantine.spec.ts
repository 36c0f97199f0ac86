// Persona: the admin reads what Vigil refused over MQTT and why, and
// registers a device that was publishing before anyone registered it.
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, phonePage, publish, publishMany, screenshotDir, signIn, test, type MqttCredentials } from "./fixtures";

async function registerSensor(api: APIRequestContext, externalId: string): Promise<MqttCredentials> {
  const created = await api.post("/api/v1/devices", { data: { externalId, kind: "sensor" } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { mqtt: MqttCredentials }).mqtt;
}

async function quarantinedTopics(api: APIRequestContext): Promise<string[]> {
  const page = (await (await api.get("/api/v1/quarantine?limit=500")).json()) as { items: { topic: string }[] };
  return page.items.map((i) => i.topic);
}

test("admin sees why messages were refused and registers an unknown device in one click", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const suffix = Date.now().toString(36);
  const known = await registerSensor(api, `smoke-${suffix}`);
  const unknownId = `unknown-${suffix}`;
  await publish(vigil, known, `device/${known.username}/telemetry`, { battery: 500, signal: -70 });
  await publish(vigil, null, `sensor/${unknownId}/smoke`, { value: true, msg_id: "m-1" });
  await expect
    .poll(() => quarantinedTopics(api))
    .toEqual(expect.arrayContaining([`device/${known.username}/telemetry`, `sensor/${unknownId}/smoke`]));

  await signIn(page, vigil);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Quarantine" }).click();
  await expect(page.getByRole("heading", { name: "Quarantine" })).toBeVisible();

  const invalid = page.locator(`[data-topic="device/${known.username}/telemetry"]`).first();
  await expect(invalid).toContainText("invalid_schema");
  await expect(invalid.getByRole("link", { name: known.username })).toBeVisible();
  await expect(invalid.getByRole("button", { name: "Register device" })).toHaveCount(0);
  await invalid.locator("summary").click();
  await expect(invalid.locator("pre")).toContainText('"battery": 500');

  const unknown = page.locator(`[data-topic="sensor/${unknownId}/smoke"]`);
  await expect(unknown).toContainText("unknown_source");
  await expect(unknown.getByLabel(`Register ${unknownId} as`)).toHaveValue("sensor");
  await page.screenshot({ path: path.join(screenshotDir, "quarantine-desktop.png") });

  await unknown.getByRole("button", { name: "Register device" }).click();
  const shown = unknown.getByRole("region", { name: "MQTT credentials" });
  await expect(shown).toContainText("will not show it again");
  await expect(shown.getByTestId("mqtt-username")).toHaveText(unknownId);
  const password = (await shown.getByTestId("mqtt-password").textContent()) ?? "";
  await page.screenshot({ path: path.join(screenshotDir, "quarantine-registered.png") });
  await shown.getByRole("button", { name: "I have saved the password" }).click();
  await expect(unknown.getByTestId("mqtt-password")).toHaveCount(0);
  await expect(unknown.getByRole("link", { name: unknownId })).toBeVisible();

  // The device now exists, as a sensor, and its credentials work.
  const device = (await (await api.get(`/api/v1/devices/${unknownId}`)).json()) as { kind: string };
  expect(device.kind).toBe("sensor");
  await publish(vigil, { username: unknownId, password }, `sensor/${unknownId}/smoke`, { value: false });
  await expect
    .poll(
      async () =>
        ((await (await api.get(`/api/v1/devices/${unknownId}`)).json()) as { lastSeenAt: unknown }).lastSeenAt,
    )
    .not.toBeNull();

  const phone = await phonePage(browser, page, vigil);
  await phone.goto("/quarantine");
  // Reloaded, the entry links to the device it became instead of offering to register it again.
  const reloaded = phone.locator(`[data-topic="sensor/${unknownId}/smoke"]`);
  await expect(reloaded.getByRole("link", { name: unknownId })).toBeVisible();
  await expect(reloaded.getByRole("button", { name: "Register device" })).toHaveCount(0);
  await phone.locator(`[data-topic="device/${known.username}/telemetry"] summary`).first().click();
  await phone.screenshot({ path: path.join(screenshotDir, "quarantine-phone.png") });
  await phone.context().close();
});

test("Load more pages back through older rejected messages", async ({ page, api, vigil }) => {
  const sensor = await registerSensor(api, `flood-${Date.now().toString(36)}`);
  const topic = `device/${sensor.username}/telemetry`;
  const payloads = Array.from({ length: 60 }, (_, i) => ({ battery: 200 + i }));
  await publishMany(vigil, sensor, topic, payloads);
  await expect.poll(async () => (await quarantinedTopics(api)).filter((t) => t === topic).length).toBe(60);

  await signIn(page, vigil);
  await page.goto("/quarantine");
  const ours = page.locator(`[data-topic="${topic}"]`);
  await expect(page.locator(".q-entry")).toHaveCount(50);
  await expect(ours).toHaveCount(50); // newest first: all 50 are ours
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(ours).toHaveCount(60);
  await expect(ours.last()).toContainText('{"battery":200}');
});
