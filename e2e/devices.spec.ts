// Persona: the admin registers a gateway from the devices page, then watches
// it on its own page: telemetry and command progress arrive live over MQTT,
// and a saved configuration is published.
import path from "node:path";
import { expect, phonePage, publish, screenshotDir, signIn, test, type MqttCredentials } from "./fixtures";

const DESKTOP = { width: 1400, height: 900 };

test("admin registers a gateway and follows its telemetry, commands and config live", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);
  // No script errors or React hydration errors on the way (refused API calls are expected below).
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  const id = `gw-${Date.now().toString(36)}`;
  await signIn(page, vigil);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Devices" }).click();
  await expect(page.getByRole("heading", { name: "Devices" })).toBeVisible();

  const credentials = await test.step("register it and see its credentials once", async () => {
    await page.getByRole("button", { name: "Register device" }).click();
    const form = page.getByRole("form", { name: "Register a device" });
    await form.getByLabel("External id").fill("gate 3");
    await form.getByRole("button", { name: "Register", exact: true }).click();
    // The API's reason is shown beside the field it names.
    await expect(form.getByLabel("External id")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#externalId-note")).toContainText("use letters, digits");
    await page.screenshot({ path: path.join(screenshotDir, "devices-register-error.png") });

    await form.getByLabel("External id").fill(id);
    await form.getByLabel("Kind").selectOption("gateway");
    await form.getByLabel("Name (optional)").fill("Gate 3 gateway");
    await form.getByRole("button", { name: "Register", exact: true }).click();

    const shown = page.getByRole("region", { name: "MQTT credentials" });
    await expect(shown).toContainText("will not show it again");
    await expect(shown.getByTestId("mqtt-username")).toHaveText(id);
    const password = (await shown.getByTestId("mqtt-password").textContent()) ?? "";
    expect(password.length).toBeGreaterThan(20);
    const row = page.locator(`[data-device="${id}"]`);
    await expect(row).toContainText("gateway");
    await expect(row).toContainText("never");
    await expect(row).toContainText("Active");
    await page.screenshot({ path: path.join(screenshotDir, "devices-registered.png") });

    await shown.getByRole("button", { name: "I have saved the password" }).click();
    await expect(page.getByTestId("mqtt-password")).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(password)).toHaveCount(0);
    return { username: id, password } satisfies MqttCredentials;
  });

  await test.step("its system health reports show on its page", async () => {
    await publish(vigil, credentials, `system/${id}/cpu`, { value: 37, status: "ok" });
    await publish(vigil, credentials, `system/${id}/uplink`, { value: "lte", status: "degraded" });
    await expect
      .poll(
        async () => ((await (await api.get(`/api/v1/devices/${id}`)).json()) as { components: unknown[] }).components,
      )
      .toHaveLength(2);
    await page.locator(`[data-device="${id}"]`).getByRole("link", { name: id }).click();
    await expect(page.getByRole("heading", { name: id })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Live");
    await expect(page.locator('[data-metric="cpu"]')).toContainText("ok");
    await expect(page.locator('[data-metric="uplink"]')).toContainText("degraded");
  });

  await test.step("telemetry published over MQTT updates the page live", async () => {
    await expect(page.getByTestId("telemetry-battery")).toHaveText("—");
    await publish(vigil, credentials, `device/${id}/telemetry`, {
      battery: 87,
      signal: -61,
      temperature: 24.5,
      timestamp: new Date().toISOString(),
    });
    await expect(page.getByTestId("telemetry-battery")).toHaveText("87 %");
    await expect(page.getByTestId("telemetry-signal")).toHaveText("-61 dBm");
    await expect(page.getByTestId("telemetry-temperature")).toHaveText("24.5 °C");
    await expect(page.getByTestId("last-seen")).toHaveText("just now");
  });

  await test.step("the history charts what it reported over the chosen range", async () => {
    // The history is read when the page or the range changes: a reload shows the readings just sent.
    await page.reload();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("figure", { name: "Battery (%)" })).toContainText("1 points");
    await expect(history.getByRole("figure", { name: "Temperature (°C)" })).toBeVisible();
    await history.getByLabel("History range").selectOption({ label: "7 days" });
    await expect(history.getByRole("figure", { name: "Signal (dBm)" })).toContainText("1 points");
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, "device-history.png") });
  });

  await test.step("a command goes to sent, then to done when the device answers", async () => {
    const form = page.getByRole("form", { name: "Send a command" });
    await form.getByLabel("Type").fill("reboot");
    await form.getByLabel("Params (JSON object)").fill("{delay: 5}");
    await form.getByRole("button", { name: "Send command" }).click();
    await expect(page.locator("#command-params-note")).toContainText("Not valid JSON");
    await form.getByLabel("Params (JSON object)").fill('{"delay_s": 5}');
    await form.getByRole("button", { name: "Send command" }).click();

    const command = page.locator(".command", { hasText: "reboot" });
    await expect(command.getByTestId("command-status")).toHaveText("sent");
    const commandId = await command.getAttribute("data-command");
    expect(commandId).toMatch(/^[0-9a-f-]{36}$/);
    await publish(vigil, credentials, `device/${id}/command-results`, { command_id: commandId, status: "received" });
    await expect(command.getByTestId("command-status")).toHaveText("received");
    await publish(vigil, credentials, `device/${id}/command-results`, {
      command_id: commandId,
      status: "done",
      result: { uptime_s: 0 },
    });
    await expect(command.getByTestId("command-status")).toHaveText("done");
    await expect(command).toContainText('{"uptime_s":0}');
  });

  await test.step("a saved configuration becomes version 1, published", async () => {
    const editor = page.getByLabel("Next version (JSON object)");
    await editor.fill('["not", "an", "object"]');
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.locator("#config-json-note")).toContainText("Must be a JSON object");
    await editor.fill('{"report_interval_s": 30, "led": "off"}');
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.locator('[data-version="1"]')).toContainText("published");
    await page.screenshot({ path: path.join(screenshotDir, "device-desktop.png"), fullPage: true });
  });
  expect(errors).toEqual([]);

  await test.step("the same pages fit a phone", async () => {
    const phone = await phonePage(browser, page, vigil);
    await phone.goto(`/devices/${id}`);
    await expect(phone.getByTestId("telemetry-battery")).toHaveText("87 %");
    await expect(phone.getByRole("status")).toHaveText("Live");
    await phone.screenshot({ path: path.join(screenshotDir, "device-phone.png"), fullPage: true });
    await phone.goto("/devices");
    await expect(phone.locator(`[data-device="${id}"]`)).toBeVisible();
    await phone.screenshot({ path: path.join(screenshotDir, "devices-phone.png") });
    // The shared navigation leads back to the map, which still fits.
    await phone.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Map" }).click();
    await expect(phone.locator('[data-testid="map"] .leaflet-container')).toBeVisible();
    await expect(phone.getByRole("status")).toHaveText("Live");
    await phone.screenshot({ path: path.join(screenshotDir, "noc-phone.png") });
    await phone.context().close();
  });
});
