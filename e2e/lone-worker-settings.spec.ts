// Persona: the admin sets up a lone worker in the browser, on a phone: assigns
// the guard to a site with a check-in every 15 minutes (shown in the site's
// list), then sets the guard's PIN and duress PIN on the guard's page (a duress
// PIN equal to the PIN is refused beside its field; the PINs are never shown).
import { expect, signIn, test } from "./fixtures";

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

test("an admin gives a guard check-ins at a site and sets their PINs, on a phone", async ({ page, vigil, api }) => {
  test.setTimeout(90_000);
  const id = unique();
  const site = await api.post("/api/v1/sites", { data: { name: `Quarry ${id}` } });
  expect(site.status(), await site.text()).toBe(201);
  const { id: siteId } = (await site.json()) as { id: string };
  const guardId = `lone-${id}`;
  const guard = await api.post("/api/v1/guards", { data: { externalId: guardId, name: `Lena ${id}` } });
  expect(guard.status(), await guard.text()).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, vigil);
  await page.goto(`/sites/${siteId}`);
  const form = page.getByRole("form", { name: "Assign a guard" });
  await form.getByLabel("Guard", { exact: true }).selectOption(guardId);
  await form.getByLabel("Lone-worker check-in every (minutes)").fill("15");
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByRole("status")).toHaveText(`Lena ${id} assigned.`);
  await expect(page.locator(`[data-guard="${guardId}"]`)).toContainText("check-in every 15 min, 120 s grace");

  await page.goto(`/guards/${guardId}`);
  await expect(page.getByText(`Quarry ${id} every 15 min (120 s grace)`)).toBeVisible();
  const pins = page.getByRole("form", { name: "PIN and duress PIN" });
  await expect(pins).toContainText("No PINs yet");
  await pins.getByLabel("PIN", { exact: true }).fill("2468");
  await pins.getByLabel("Duress PIN").fill("2468");
  await pins.getByRole("button", { name: "Set PINs" }).click();
  await expect(pins.getByText("must differ from the PIN")).toBeVisible();
  await pins.getByLabel("Duress PIN").fill("1357");
  await pins.getByRole("button", { name: "Set PINs" }).click();
  await expect(pins.getByRole("status")).toContainText("PINs saved");
  await expect(pins).toContainText("Both PINs are set.");
  await expect(pins.getByLabel("PIN", { exact: true })).toHaveValue("");

  const listed = await api.get(`/api/v1/guards/${guardId}/assignments`);
  expect(await listed.json()).toMatchObject([{ siteId, checkInMinutes: 15, graceSeconds: 120 }]);
  const guards = (await (await api.get("/api/v1/guards")).json()) as { externalId: string; hasPins: boolean }[];
  expect(guards.find((g) => g.externalId === guardId)?.hasPins).toBe(true);
});
