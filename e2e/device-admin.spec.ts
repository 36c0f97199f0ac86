// Persona: the admin, on a phone, rotates a device's MQTT credentials (the
// old password stops working, the new one is shown once) and then revokes it.
import path from "node:path";
import { expect, publish, screenshotDir, signIn, test, type MqttCredentials } from "./fixtures";

test("admin rotates a device's credentials and revokes it, on a phone", async ({ page, api, vigil }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = `sensor-${Date.now().toString(36)}`;
  const created = await api.post("/api/v1/devices", { data: { externalId: id, kind: "sensor" } });
  expect(created.status(), await created.text()).toBe(201);
  const old = ((await created.json()) as { mqtt: MqttCredentials }).mqtt;
  await signIn(page, vigil);
  await page.goto(`/devices/${id}`);

  await page.getByRole("button", { name: "Rotate credentials" }).click();
  const shown = page.getByRole("region", { name: "MQTT credentials" });
  const password = (await shown.getByTestId("mqtt-password").textContent()) ?? "";
  expect(password).not.toBe(old.password);
  await shown.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, "device-rotated-phone.png") });
  await expect(publish(vigil, old, `sensor/${id}/door`, { state: "open" })).rejects.toThrow();
  await publish(vigil, { username: id, password }, `sensor/${id}/door`, { state: "open" });
  await shown.getByRole("button", { name: "I have saved the password" }).click();

  await page.getByRole("button", { name: "Revoke…" }).click();
  await expect(page.getByRole("group", { name: "Confirm revoke" })).toContainText("closed within seconds");
  await page.getByRole("button", { name: "Revoke device", exact: true }).click();
  await expect(page.locator(".page-header")).toContainText("Revoked");
  await expect(publish(vigil, { username: id, password }, `sensor/${id}/door`, { state: "open" })).rejects.toThrow();
  await page.goto("/devices");
  await expect(page.locator(`[data-device="${id}"]`)).toContainText("Revoked");
});
