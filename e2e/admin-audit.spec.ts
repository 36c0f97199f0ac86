// Persona: an admin finds out who changed what. A contact added and a user's
// role changed in the browser appear in /admin/audit with who, the change
// (old value struck through) and where from (address, browser); the filters
// narrow the log; it reads on a phone; an operator gets 403.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, screenshotDir, signIn, test } from "./fixtures";

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1400, height: 900 });
}

test("an admin reads who changed what in the audit log, filters it, and reads it on a phone", async ({
  page,
  vigil,
  api,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = unique();
  // A tenant of its own, so the log holds only what this test does.
  const admin = { email: `audit-admin-${id}@tenant.test`, password: "admin-password-1" };
  const tenant = await api.post("/api/v1/tenants", {
    data: { name: `Audit ${id}`, adminEmail: admin.email, adminPassword: admin.password },
  });
  expect(tenant.status(), await tenant.text()).toBe(201);
  await signIn(page, vigil, admin);
  const nav = page.getByRole("navigation", { name: "Console" });

  // Two changes in the browser: a contact, and a user promoted from operator to manager.
  await nav.getByRole("link", { name: "Notifications" }).click();
  const contactForm = page.getByRole("form", { name: "Add a contact" });
  const contactName = `Sam ${id}`;
  await contactForm.getByLabel("Contact name").fill(contactName);
  await contactForm.getByLabel("Phone").fill("+919812345678");
  await contactForm.getByRole("button", { name: "Add contact" }).click();
  await expect(page.locator(`[data-contact="${contactName}"]`)).toBeVisible();

  await nav.getByRole("link", { name: "Users" }).click();
  const userForm = page.getByRole("form", { name: "Add a user" });
  const email = `olga-${id}@vigil.test`;
  await userForm.getByLabel("Email").fill(email);
  await userForm.getByLabel("Name").fill("Olga");
  await userForm.getByLabel("Role").selectOption("operator");
  await userForm.getByLabel("First password").fill("olga-password");
  await userForm.getByRole("button", { name: "Add user" }).click();
  const row = page.locator(`[data-user="${email}"]`);
  await row.getByRole("combobox").selectOption("manager");
  await expect(row.getByRole("combobox")).toHaveValue("manager");

  // The log, newest first: the promotion, the user's creation, the contact's.
  await nav.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page).toHaveTitle(/Audit log/);
  const log = page.getByRole("table", { name: "Audit log" });
  const entries = log.locator("tbody tr");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("update user");
  await expect(entries.nth(0)).toContainText(admin.email);
  await expect(entries.nth(0).locator("del")).toHaveText("operator");
  await expect(entries.nth(0).locator("ins")).toHaveText("manager");
  await expect(entries.nth(0)).toContainText("web");
  await expect(entries.nth(0)).toContainText("Chrome");
  await expect(entries.nth(2)).toContainText("create contact");
  await expect(entries.nth(2)).toContainText(contactName);
  // No password, hashed or not, in what the page shows of the user's creation.
  await expect(entries.nth(1)).not.toContainText("olga-password");
  await shoot(page, "admin-audit");

  // Filters: only contacts; then someone who changed nothing.
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByRole("combobox", { name: "Entity", exact: true }).selectOption("contact");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/entityType=contact/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(contactName);
  await filters.getByLabel("Who").fill(email);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No change matches these filters.")).toBeVisible();
  await filters.getByRole("button", { name: "Clear" }).click();
  await expect(entries).toHaveCount(3);

  // On a phone each entry is a card, and nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(entries.nth(0)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // A site's page leads to the site's own history.
  await page.setViewportSize({ width: 1400, height: 900 });
  const site = await page.request.post("/api/v1/sites", {
    data: { name: `Depot ${id}` },
    headers: { origin: vigil.url },
  });
  expect(site.status(), await site.text()).toBe(201);
  const { id: siteId } = (await site.json()) as { id: string };
  await page.goto(`/sites/${siteId}`);
  await page.getByRole("link", { name: "Change history" }).click();
  await expect(page).toHaveURL(new RegExp(`entityType=site&entityId=${siteId}`));
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("create site");
  await expect(entries.first()).toContainText(`Depot ${id}`);
});

test("an operator has no audit link and gets 403 on the audit log", async ({ page, vigil }) => {
  await signIn(page, vigil, vigil.operators[0]);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.locator('[data-status="403"]')).toContainText("403 · Not allowed");
  await expect(page.locator("table")).toHaveCount(0);
  expect((await page.request.get("/api/v1/audit-events")).status()).toBe(403);
});
