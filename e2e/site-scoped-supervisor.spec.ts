// Persona: a supervisor who looks after one site. The admin limits them to it
// on the Users page; signed in on a phone they see that site's alerts, live,
// and never the other site's; the guards page and the NOC list that site's
// guard only.
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { AlertListItemDto } from "../server/contracts/alert-api";
import {
  expect,
  publish,
  registerGuardWithPhone,
  resolveOpenAlerts,
  screenshotDir,
  signIn,
  test,
  type MqttCredentials,
} from "./fixtures";

type Guard = { externalId: string; name: string; mqtt: MqttCredentials };

async function siteWithGuard(api: APIRequestContext, site: string, name: string, suffix: string) {
  const created = await api.post("/api/v1/sites", { data: { name: `${site} ${suffix}` } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const externalId = `guard-${site.toLowerCase()}-${suffix}`;
  const { mqtt } = await registerGuardWithPhone(api, { externalId, name }, `phone-${externalId}`);
  const assigned = await api.post(`/api/v1/guards/${externalId}/assignments`, { data: { siteId: id } });
  expect(assigned.status(), await assigned.text()).toBe(201);
  const guard: Guard = { externalId, name, mqtt };
  return { site: { id, name: `${site} ${suffix}` }, guard };
}

function panicOf(guard: Guard, message: string, msgId: string) {
  return {
    alert_type: "panic",
    severity: "critical",
    message,
    location: { lat: 12.969, lon: 77.5995 },
    timestamp: new Date().toISOString(),
    msg_id: msgId,
  };
}

test("a supervisor limited to one site sees only that site's guards and alerts", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const north = await siteWithGuard(api, "North", "Nora North", suffix);
  const south = await siteWithGuard(api, "South", "Sunil South", suffix);
  const supervisor = { email: `site-supervisor-${suffix}@vigil.test`, password: "north site only" };
  const created = await api.post("/api/v1/users", { data: { ...supervisor, name: "Sita Site", role: "supervisor" } });
  expect(created.status(), await created.text()).toBe(201);
  await resolveOpenAlerts(api);

  await test.step("the admin limits the supervisor to North on the Users page", async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await signIn(page, vigil);
    await page.goto("/admin/users");
    const sites = page.locator(`[data-user-sites="${supervisor.email}"]`);
    await expect(sites.locator("summary")).toHaveText("All sites");
    await sites.locator("summary").click();
    await sites.getByLabel(north.site.name).check();
    await sites.getByRole("button", { name: "Save sites" }).click();
    await expect(sites.locator("summary")).toHaveText(north.site.name);
    await page.screenshot({ path: path.join(screenshotDir, "admin-user-sites.png") });
  });

  await test.step("another supervisor added on the same page is limited to North from the start", async () => {
    const form = page.getByRole("form", { name: "Add a user" });
    const email = `north-only-${suffix}@vigil.test`;
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Nils North");
    await form.getByLabel("Role").selectOption("supervisor");
    await form.getByLabel("First password").fill("north site only");
    await form.getByRole("group", { name: "Sites of the new user" }).getByLabel(north.site.name).check();
    await form.screenshot({ path: path.join(screenshotDir, "admin-add-user-sites.png") });
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.locator(`[data-user-sites="${email}"] summary`)).toHaveText(north.site.name);
    await form.getByLabel("Role").selectOption("manager");
    await expect(form.getByRole("group", { name: "Sites of the new user" })).toHaveCount(0);
  });

  // South's panic before the supervisor signs in: their first page must not have it.
  await publish(
    vigil,
    south.guard.mqtt,
    `alert/panic/${south.guard.externalId}`,
    panicOf(south.guard, "South gate", `s1-${suffix}`),
    { qos: 2 },
  );
  await expect
    .poll(async () => {
      const open = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
      return open.some((a) => a.sourceExternalId === south.guard.externalId);
    })
    .toBe(true);

  const context = await browser.newContext({
    baseURL: vigil.url,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  const list = phone.getByRole("list", { name: "Open alerts" });

  await test.step("on the phone: North's panic arrives live, South's never shows", async () => {
    await phone.goto("/login");
    await phone.getByLabel("Email").fill(supervisor.email);
    await phone.getByLabel("Password").fill(supervisor.password);
    await phone.getByRole("button", { name: "Sign in" }).tap();
    await expect(phone).toHaveURL(`${vigil.url}/m`);
    await expect(phone.getByRole("status")).toHaveText("Live");
    await expect(list.getByRole("listitem")).toHaveCount(0);
    // South again (a repeat of its open alert), then North: once North's is shown, South's had its chance.
    await publish(
      vigil,
      south.guard.mqtt,
      `alert/panic/${south.guard.externalId}`,
      panicOf(south.guard, "South again", `s2-${suffix}`),
      { qos: 2 },
    );
    await publish(
      vigil,
      north.guard.mqtt,
      `alert/panic/${north.guard.externalId}`,
      panicOf(north.guard, "North gate", `n1-${suffix}`),
      { qos: 2 },
    );
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("listitem").first()).toContainText("PANIC: Nora North");
    await expect(phone.getByText("Sunil South")).toHaveCount(0);
    await phone.screenshot({ path: path.join(screenshotDir, "site-supervisor-phone.png") });
  });

  await test.step("the guards page and the NOC list North's guard only", async () => {
    await phone.setViewportSize({ width: 1400, height: 900 });
    await phone.goto("/guards");
    await expect(phone.locator(`tr[data-guard="${north.guard.externalId}"]`)).toBeVisible();
    await expect(phone.locator("tr[data-guard]")).toHaveCount(1);
    await phone.goto("/");
    const alerts = phone.getByRole("list", { name: "Open alerts" }).getByRole("listitem");
    await expect(alerts.filter({ hasText: north.guard.externalId })).toHaveCount(1);
    await expect(alerts.filter({ hasText: south.guard.externalId })).toHaveCount(0);
    await expect(phone.getByText("Sunil South")).toHaveCount(0);
  });
  await context.close();
  await resolveOpenAlerts(api);
});
