// Persona: the admin sets Vigil up in the browser: adds a user, a contact and
// an escalation policy, edits and removes them, edits the alert rules (errors
// beside the fields); the super-admin creates a tenant; an operator cannot open
// the admin pages.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, screenshotDir, signIn, test } from "./fixtures";

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function shoot(page: Page, name: string): Promise<void> {
  // From the top: a full-page shot of a scrolled page draws the sticky nav mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1400, height: 900 });
}

test("admin adds, edits and removes a user, a contact and an escalation policy, and edits the alert rules", async ({
  page,
  vigil,
  playwright,
  api,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = unique();
  // A tenant of its own: the default escalation policy and alert rules made here must not
  // change what the other specs' panics do in the shared tenant.
  const admin = { email: `admin-${id}@tenant.test`, password: "admin-password-1" };
  const tenant = await api.post("/api/v1/tenants", {
    data: { name: `Setup ${id}`, adminEmail: admin.email, adminPassword: admin.password },
  });
  expect(tenant.status(), await tenant.text()).toBe(201);
  await signIn(page, vigil, admin);

  // Users: a short password is refused beside the field, then the user is added and can sign in.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const userForm = page.getByRole("form", { name: "Add a user" });
  const email = `op-${id}@vigil.test`;
  await userForm.getByLabel("Email").fill(email);
  await userForm.getByLabel("Name").fill("Olga Operator");
  await userForm.getByLabel("Role").selectOption("operator");
  await userForm.getByLabel("First password").fill("short");
  await userForm.getByRole("button", { name: "Add user" }).click();
  await expect(userForm.locator("#user-password-note")).toHaveText("use at least 8 characters");
  await userForm.getByLabel("First password").fill("olga-password");
  await userForm.getByRole("button", { name: "Add user" }).click();
  const row = page.locator(`[data-user="${email}"]`);
  await expect(row).toContainText("Olga Operator");
  await expect(row.getByRole("combobox")).toHaveValue("operator");
  const anonymous = await playwright.request.newContext({ baseURL: vigil.url });
  const login = await anonymous.post("/api/v1/sessions", { data: { email, password: "olga-password" } });
  expect(login.status()).toBe(201);
  await anonymous.dispose();
  // The admin's own row offers no role change and no disabling.
  await expect(page.locator(`[data-user="${admin.email}"]`).getByRole("combobox")).toBeDisabled();
  await expect(page.locator(`[data-user="${admin.email}"]`).getByRole("button")).toHaveCount(0);
  // Promote, then disable the new user in place.
  await row.getByRole("combobox").selectOption("supervisor");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("combobox")).toHaveValue("supervisor");
  await shoot(page, "admin-users");
  // Remove the user: asked first, then gone from the list and unable to sign in.
  await row.getByRole("button", { name: `Delete user ${email}` }).click();
  await expect(row.getByRole("group", { name: `Confirm: delete user ${email}` })).toContainText(
    "can no longer sign in",
  );
  await row.getByRole("button", { name: "Yes, delete" }).click();
  await expect(row).toHaveCount(0);

  // Contacts: a bad phone number is refused beside the field.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page).toHaveURL(/\/admin\/notifications$/);
  const contactForm = page.getByRole("form", { name: "Add a contact" });
  const contactName = `Sam ${id}`;
  await contactForm.getByLabel("Contact name").fill(contactName);
  await contactForm.getByLabel("Phone").fill("12345");
  await contactForm.getByRole("button", { name: "Add contact" }).click();
  await expect(contactForm.locator("#contact-phone-note")).toContainText("international format");
  await contactForm.getByLabel("Phone").fill("+919812345678");
  await contactForm.getByRole("button", { name: "Add contact" }).click();
  await expect(page.locator(`[data-contact="${contactName}"]`)).toContainText("+919812345678");

  // Escalation policy: a tier without contacts is refused beside it, then saved with the new contact.
  const policyForm = page.getByRole("form", { name: "Add an escalation policy" });
  const policyName = `Night shift ${id}`;
  await policyForm.getByLabel("Policy name").fill(policyName);
  await policyForm.getByRole("button", { name: "Save policy" }).click();
  await expect(policyForm.locator("#tier-0-contactIds-note")).not.toBeEmpty();
  const tier = policyForm.getByRole("group", { name: "Tier 1" });
  await tier.getByRole("checkbox", { name: contactName }).check();
  await tier.getByRole("checkbox", { name: "email", exact: true }).check();
  await policyForm.getByRole("button", { name: "Save policy" }).click();
  await expect(page.locator(`[data-policy="${policyName}"]`)).toContainText(`${contactName} by sms + email after 0 s`);

  // Edit the contact's phone and the policy's repeats in place.
  const contactRow = page.locator(`[data-contact="${contactName}"]`);
  await contactRow.getByRole("button", { name: `Edit contact ${contactName}` }).click();
  const contactEdit = page.getByRole("form", { name: `Edit contact ${contactName}` });
  await contactEdit.getByLabel("Phone").fill("+919812345679");
  await contactEdit.getByRole("button", { name: "Save contact" }).click();
  await expect(contactRow).toContainText("+919812345679");
  const policyItem = page.locator(`[data-policy="${policyName}"]`);
  await policyItem.getByRole("button", { name: `Edit policy ${policyName}` }).click();
  const policyEdit = page.getByRole("form", { name: `Edit policy ${policyName}` });
  await policyEdit.getByLabel("Repeats").fill("2");
  await policyEdit.getByRole("button", { name: "Save policy" }).click();
  await expect(policyItem).toContainText("repeats 2×");
  // Remove the contact (asked first): the policy's tier then names nobody; then remove the policy.
  await contactRow.getByRole("button", { name: `Delete contact ${contactName}` }).click();
  await expect(contactRow.getByRole("group", { name: `Confirm: delete contact ${contactName}` })).toBeVisible();
  await shoot(page, "admin-notifications-confirm");
  await contactRow.getByRole("button", { name: "Yes, delete" }).click();
  await expect(contactRow).toHaveCount(0);
  await expect(policyItem).toContainText("nobody (all removed)");
  await policyItem.getByRole("button", { name: `Delete policy ${policyName}` }).click();
  await policyItem.getByRole("button", { name: "Yes, delete" }).click();
  await expect(policyItem).toHaveCount(0);

  // Alert rules: a threshold over 90 is refused beside the field; a valid one is saved.
  const rules = page.getByRole("form", { name: "Alert rules" });
  await rules.getByLabel("Low battery below (%)").fill("95");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.locator("#low-battery-note")).toContainText("90");
  await rules.getByLabel("Low battery below (%)").fill("20");
  await rules.getByLabel("Severity of activity").selectOption("low");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toHaveText("Saved");
  await expect(rules.getByLabel("Severity of panic")).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel("Low battery below (%)")).toHaveValue("20");
  await expect(page.getByLabel("Severity of activity")).toHaveValue("low");
  await shoot(page, "admin-notifications");
});

test("the super-admin creates a tenant whose admin can sign in", async ({ page, vigil, playwright }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, vigil);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Tenants" }).click();
  const form = page.getByRole("form", { name: "Create a tenant" });
  const name = `Acme ${unique()}`;
  const adminEmail = `admin-${unique()}@acme.test`;
  await form.getByLabel("Tenant name").fill(name);
  await form.getByLabel("Admin email").fill(vigil.admin.email);
  await form.getByLabel("Admin password").fill("acme-password");
  await form.getByRole("button", { name: "Create tenant" }).click();
  await expect(form.locator("#tenant-admin-email-note")).toHaveText("That email is already in use.");
  await form.getByLabel("Admin email").fill(adminEmail);
  await form.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.locator(`[data-tenant="${name}"]`)).toContainText(adminEmail);
  await shoot(page, "admin-tenants");

  const anonymous = await playwright.request.newContext({ baseURL: vigil.url });
  const login = await anonymous.post("/api/v1/sessions", { data: { email: adminEmail, password: "acme-password" } });
  expect(login.status()).toBe(201);
  await anonymous.dispose();
});

test("an operator sees no admin pages in the nav and gets 403 on them", async ({ page, vigil }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, vigil, vigil.operators[0]);
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Devices" })).toBeVisible();
  for (const label of ["Users", "Notifications", "Tenants"])
    await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
  for (const route of ["/admin/users", "/admin/notifications", "/admin/tenants"]) {
    await page.goto(route);
    await expect(page.locator('[data-status="403"]')).toContainText("403 · Not allowed");
    await expect(page.locator("table")).toHaveCount(0);
  }
  await page.screenshot({ path: path.join(screenshotDir, "admin-forbidden-operator-phone.png") });
  for (const route of ["/api/v1/users", "/api/v1/tenants"]) expect((await page.request.get(route)).status()).toBe(403);
  const post = await page.request.post("/api/v1/contacts", {
    data: { name: "Not allowed", email: "no@vigil.test" },
    headers: { origin: vigil.url },
  });
  expect(post.status()).toBe(403);
});
