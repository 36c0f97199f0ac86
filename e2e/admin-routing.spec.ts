// Persona: the admin routes alerts by what they are. In a tenant of its own
// (its policies must not change the other specs' panics), the admin writes a
// panic policy and a low-battery policy on the Notifications page; a phone's
// low battery pages the battery contact and never the panic contact; the admin
// edits the panic contact's phone and the next panic goes to the new number;
// "Test" sends the battery contact a message starting with TEST; quiet hours
// and a fallback are written on the page, bad ones refused beside the fields.
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import {
  expect,
  providerRequests,
  publish,
  registerGuardWithPhone,
  screenshotDir,
  signIn,
  test,
  type Vigil,
} from "./fixtures";

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const number = () => `+9198${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 90 + 10)}`;

async function smsTo(vigil: Vigil, phone: string): Promise<string[]> {
  return (await providerRequests(vigil))
    .filter((r) => r.provider === "twilio" && r.body.To === phone)
    .map((r) => r.body.Body ?? "");
}

test("a low-battery alert does not page the panic policy, and a contact's new phone gets the next alert", async ({
  page,
  vigil,
  playwright,
  api,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = unique();
  const admin = { email: `routing-${id}@tenant.test`, password: "admin-password-1" };
  const tenant = await api.post("/api/v1/tenants", {
    data: { name: `Routing ${id}`, adminEmail: admin.email, adminPassword: admin.password },
  });
  expect(tenant.status(), await tenant.text()).toBe(201);
  const anonymous = await playwright.request.newContext({ baseURL: vigil.url });
  const login = await anonymous.post("/api/v1/sessions", { data: admin });
  const { token } = (await login.json()) as { token: string };
  await anonymous.dispose();
  const tenantApi: APIRequestContext = await playwright.request.newContext({
    baseURL: vigil.url,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });

  const panicPhone = number();
  const newPanicPhone = number();
  const batteryPhone = number();
  const pat = `Pat Panic ${id}`;
  const lee = `Lee Battery ${id}`;
  const guard = { externalId: `guard-rt-${id}`, name: "Ravi Kumar" };
  const phone = await test.step("two contacts and a guard with a phone", async () => {
    for (const [name, phoneNumber] of [
      [pat, panicPhone],
      [lee, batteryPhone],
    ]) {
      const created = await tenantApi.post("/api/v1/contacts", { data: { name, phone: phoneNumber } });
      expect(created.status(), await created.text()).toBe(201);
    }
    return (await registerGuardWithPhone(tenantApi, guard, `phone-rt-${id}`)).mqtt;
  });

  await signIn(page, vigil, admin);
  await page.goto("/admin/notifications");
  await test.step("the admin writes a panic policy and a low-battery policy", async () => {
    const form = page.getByRole("form", { name: "Add an escalation policy" });
    const write = async (name: string, types: string, priority: string, contact: string, severity?: string) => {
      await form.getByLabel("Policy name").fill(name);
      await form.getByLabel("Alert types").fill(types);
      if (severity) await form.getByRole("group", { name: "Severities" }).getByLabel(severity, { exact: true }).check();
      await form.getByLabel("Priority").fill(priority);
      await form.getByRole("group", { name: "Tier 1" }).getByRole("checkbox", { name: contact }).check();
      await form.getByRole("button", { name: "Save policy" }).click();
      await expect(page.locator(`[data-policy="${name}"]`)).toContainText(`${contact} by sms after 0 s`);
    };
    await write(`Panic ${id}`, "panic, man-down", "10", pat, "critical");
    await write(`Battery ${id}`, "low-battery", "20", lee);
    await expect(page.locator(`[data-policy="Panic ${id}"] [data-match]`)).toHaveText(
      "priority 10: types panic, man-down; severities critical",
    );
    // Phone-sized: the form's fields stack. From the top: a full-page shot of a scrolled page draws the sticky nav mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(screenshotDir, "admin-routing-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  await test.step("a low battery pages the battery contact only", async () => {
    await publish(vigil, phone, `device/phone-rt-${id}/telemetry`, { battery: 3, timestamp: new Date().toISOString() });
    await expect.poll(() => smsTo(vigil, batteryPhone), { timeout: 20_000 }).toHaveLength(1);
    expect((await smsTo(vigil, batteryPhone))[0]).toContain("LOW-BATTERY");
    expect(await smsTo(vigil, panicPhone)).toEqual([]);
  });

  await test.step("the admin edits the panic contact's phone; the next panic goes to the new number", async () => {
    const row = page.locator(`[data-contact="${pat}"]`);
    await row.getByRole("button", { name: `Edit contact ${pat}` }).click();
    const edit = page.getByRole("form", { name: `Edit contact ${pat}` });
    await edit.getByLabel("Phone").fill(newPanicPhone);
    await edit.getByRole("button", { name: "Save contact" }).click();
    await expect(row).toContainText(newPanicPhone);
    await publish(
      vigil,
      phone,
      `alert/panic/${guard.externalId}`,
      {
        alert_type: "panic",
        severity: "critical",
        message: "routing e2e",
        location: { lat: 12.97, lon: 77.59 },
        timestamp: new Date().toISOString(),
        msg_id: `rt-${id}`,
      },
      { qos: 2 },
    );
    await expect.poll(() => smsTo(vigil, newPanicPhone), { timeout: 20_000 }).toHaveLength(1);
    expect((await smsTo(vigil, newPanicPhone))[0]).toContain("PANIC");
    expect(await smsTo(vigil, panicPhone)).toEqual([]);
    // The battery contact got nothing more from the panic.
    expect(await smsTo(vigil, batteryPhone)).toHaveLength(1);
  });

  await test.step("Test sends the battery contact a message marked TEST, and links to what was delivered", async () => {
    const item = page.locator(`[data-policy="Battery ${id}"]`);
    await item.getByRole("button", { name: `Test policy Battery ${id}` }).click();
    await expect(item.getByRole("status")).toContainText("Test sent (1 delivery)");
    await expect.poll(() => smsTo(vigil, batteryPhone), { timeout: 20_000 }).toHaveLength(2);
    expect((await smsTo(vigil, batteryPhone))[1]).toMatch(/^TEST - not a real alert\. /);
    await item.getByRole("link", { name: "See what was delivered" }).click();
    await expect(page.getByRole("table", { name: "Deliveries" })).toContainText(lee);
  });
  await test.step("the admin gives the battery policy quiet hours and a fallback", async () => {
    await page.goto("/admin/notifications");
    const item = page.locator(`[data-policy="Battery ${id}"]`);
    await item.getByRole("button", { name: `Edit policy Battery ${id}` }).click();
    const edit = page.getByRole("form", { name: `Edit policy Battery ${id}` });
    await edit.getByLabel("Quiet hours (critical alerts never wait)").check();
    await edit.getByLabel("Quiet from").fill("22:00");
    await edit.getByLabel("Quiet until").fill("07:00");
    await edit.getByLabel("Time zone").fill("Mars/Olympus");
    await edit.getByRole("group", { name: "Tier 1" }).getByLabel("Fall back to").selectOption("sms");
    await edit.getByRole("button", { name: "Save policy" }).click();
    // Refused beside the fields: an unknown zone, and a fallback on the tier's own channel.
    await expect(edit.getByText("unknown time zone")).toBeVisible();
    await expect(edit.getByText("the fallback must be a channel the tier does not use already")).toBeVisible();
    await edit.getByLabel("Time zone").fill("Asia/Kolkata");
    await edit.getByRole("group", { name: "Tier 1" }).getByLabel("Fall back to").selectOption("email");
    await edit.getByLabel("Fallback after (seconds)").fill("60");
    await edit.getByRole("button", { name: "Save policy" }).click();
    await expect(item).toContainText("quiet 22:00-07:00 Asia/Kolkata");
    await expect(item).toContainText(`${lee} by sms after 0 s, then email after 60 s`);
  });
  await tenantApi.delete("/api/v1/sessions/current");
  await tenantApi.dispose();
});
