// Persona: the manager keeps the guard roster in the browser: adds a guard
// (errors beside the fields), finds them by search, edits their name and
// phone, assigns them to a site, deactivates them (asked first; the roster
// then hides them) and reactivates them, on a desktop and on a phone.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { GuardDto } from "../server/contracts/api";
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

test("a manager adds, finds, edits, assigns, deactivates and reactivates a guard", async ({ page, vigil, api }) => {
  test.setTimeout(120_000);
  const id = unique();
  const manager = { email: `manager-${id}@vigil.test`, password: "manager-password" };
  const created = await api.post("/api/v1/users", { data: { ...manager, name: "Maya Manager", role: "manager" } });
  expect(created.status(), await created.text()).toBe(201);
  const site = await api.post("/api/v1/sites", { data: { name: `Harbour ${id}` } });
  expect(site.status(), await site.text()).toBe(201);
  const guardId = `guard-roster-${id}`;

  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, vigil, manager);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Guards" }).click();
  await expect(page).toHaveURL(/\/guards$/);
  await expect(page).toHaveTitle("Guards · Vigil");

  // Add: a bad id and phone are refused beside their fields, then the guard is added.
  const form = page.getByRole("form", { name: "Add a guard" });
  await form.getByLabel("Guard id").fill("no spaces allowed");
  await form.getByLabel("Guard name").fill("Meena Rao");
  await form.getByLabel("Guard phone").fill("98765");
  await form.getByRole("button", { name: "Add guard" }).click();
  await expect(form.locator("#guard-external-id-note")).toContainText("letters, digits");
  await expect(form.locator("#guard-phone-note")).toContainText("international format");
  await form.getByLabel("Guard id").fill(guardId);
  await form.getByLabel("Guard phone").fill("+919876500001");
  await form.getByRole("button", { name: "Add guard" }).click();
  const row = page.locator(`tr[data-guard="${guardId}"]`);
  await expect(row).toContainText("Meena Rao");
  await expect(row).toContainText("Active");

  // Search: by part of the name, accents and case ignored; a search that matches nothing says so.
  const search = page.getByRole("searchbox", { name: "Search guards" });
  await search.fill("nobody-like-this");
  await expect(page.getByText("No guard matches the search and status.")).toBeVisible();
  await search.fill(`MÉENA ${id}`);
  await expect(row).toBeVisible();
  await expect(page.locator("tr[data-guard]")).toHaveCount(1);

  // Edit in place.
  await row.getByRole("button", { name: "Edit guard Meena Rao" }).click();
  const edit = page.getByRole("form", { name: "Edit guard Meena Rao" });
  await edit.getByLabel("Guard name").fill("Meena R. Rao");
  await edit.getByLabel("Guard phone").fill("+919876500002");
  await edit.getByRole("button", { name: "Save guard" }).click();
  await expect(row).toContainText("Meena R. Rao");
  await expect(row).toContainText("+919876500002");

  // Assign to the site from the row.
  await row.getByLabel("Site to assign Meena R. Rao to").selectOption({ label: `Harbour ${id}` });
  await row.getByRole("button", { name: "Assign" }).click();
  // The site is a chip with its own remove button once the API has answered (the select lists it too).
  await expect(row.getByRole("button", { name: `Remove Meena R. Rao from Harbour ${id}` })).toBeVisible();
  const assignments = await api.get(`/api/v1/guards/${guardId}/assignments`);
  expect(((await assignments.json()) as { siteName: string }[]).map((a) => a.siteName)).toEqual([`Harbour ${id}`]);
  await shoot(page, "guards");

  // Deactivate: asked first; Cancel changes nothing, then confirmed.
  await row.getByRole("button", { name: "Deactivate guard Meena R. Rao" }).click();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate guard Meena R. Rao" }).click();
  await expect(row.getByRole("group", { name: "Confirm: deactivate guard Meena R. Rao" })).toContainText(
    "no geofence, man-down or patrol alerts",
  );
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  // The roster shows active guards: the deactivated one is under "Deactivated", with the site kept.
  await expect(row).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("deactivated");
  await expect(row).toContainText("Deactivated");
  await expect(row).toContainText(`Harbour ${id}`);
  const listed = (await (await api.get("/api/v1/guards")).json()) as GuardDto[];
  expect(listed.find((g) => g.externalId === guardId)).toMatchObject({ name: "Meena R. Rao", active: false });
  await shoot(page, "guards-deactivated");

  // Reactivate: back on the active roster.
  await row.getByRole("button", { name: "Reactivate guard Meena R. Rao" }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("active");
  await expect(row).toContainText("Active");

  // On a phone the roster is cards and the actions still work.
  const phone = await (
    await page
      .context()
      .browser()!
      .newContext({
        baseURL: vigil.url,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        storageState: await page.context().storageState(),
      })
  ).newPage();
  await phone.goto("/guards");
  await phone.getByRole("searchbox", { name: "Search guards" }).fill(guardId);
  const card = phone.locator(`tr[data-guard="${guardId}"]`);
  await expect(card).toContainText("Meena R. Rao");
  const box = await card.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await card.getByRole("button", { name: "Edit guard Meena R. Rao" }).tap();
  await expect(phone.getByRole("form", { name: "Edit guard Meena R. Rao" })).toBeVisible();
  await phone.context().close();
});

test("an operator sees the guards but cannot change them", async ({ page, vigil }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, vigil, vigil.operators[0]);
  await page.goto("/guards");
  await expect(page.getByRole("heading", { name: "Guards", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a guard" })).toHaveCount(0);
  await expect(page.locator("tr[data-guard] button")).toHaveCount(0);
});
