// Persona: the operator. A panic's banner links to the alert's page, where the
// operator sees who was told and that the SMS was delivered, adds a note,
// acknowledges, and goes to the alert on the NOC map; the history finds it
// again, on a desktop and on a phone. The keyboard does the same on the NOC.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { ContactDto, EscalationPolicyDto } from "../server/contracts/notifications";
import type { Page as ApiPage } from "../server/contracts/pagination";
import {
  adminApi,
  endAdminApi,
  expect,
  providerRequests,
  publish,
  registerGuardWithPhone,
  resolveOpenAlerts,
  screenshotDir,
  signIn,
  test,
} from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

// The tenant has one default escalation policy; the other personas' tests make their own, so this one's goes when
// it is done, through the API as an admin would remove it.
test.afterAll(async ({ vigil, playwright }) => {
  const api = await adminApi(playwright, vigil);
  try {
    const listed = await api.get("/api/v1/escalation-policies?limit=200");
    const { items } = (await listed.json()) as ApiPage<EscalationPolicyDto>;
    for (const policy of items.filter((p) => p.name.startsWith("Alert page "))) {
      const removed = await api.delete(`/api/v1/escalation-policies/${policy.id}`);
      expect(removed.status(), await removed.text()).toBe(204);
    }
  } finally {
    await endAdminApi(api);
  }
});

const PANIC_AT = { lat: 12.9702, lon: 77.6011 };

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} ${message.location().url}`);
  });
  return errors;
}

test("operator opens an alert from the banner and sees the SMS delivered", async ({ page, api, browser, vigil }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const phoneNumber = `+9197${String(Date.now()).slice(-8)}`;
  const contactName = `Priya Night Supervisor ${suffix}`;
  const guard = { externalId: `guard-ap-${suffix}`, name: "Meena Rao" };

  const phone = await test.step("a supervisor is told by SMS; a guard has a phone", async () => {
    const created = await api.post("/api/v1/contacts", { data: { name: contactName, phone: phoneNumber } });
    expect(created.status(), await created.text()).toBe(201);
    const contact = (await created.json()) as ContactDto;
    const policy = await api.post("/api/v1/escalation-policies", {
      data: { name: `Alert page ${suffix}`, tiers: [{ contactIds: [contact.id], channels: ["sms"], delaySeconds: 0 }] },
    });
    expect(policy.status(), await policy.text()).toBe(201);
    return (await registerGuardWithPhone(api, guard, `phone-ap-${suffix}`)).mqtt;
  });

  await resolveOpenAlerts(api);
  const errors = collectErrors(page);
  const operator = vigil.operators[1];
  await signIn(page, vigil, operator);
  await expect(page).toHaveTitle("NOC map · Vigil");

  const alertId = await test.step("the panic's banner links to the alert's page", async () => {
    await publish(
      vigil,
      phone,
      `alert/panic/${guard.externalId}`,
      {
        alert_type: "panic",
        severity: "critical",
        message: "Man with a knife at the loading bay",
        location: PANIC_AT,
        timestamp: new Date().toISOString(),
        msg_id: `panic-${suffix}`,
      },
      { qos: 2 },
    );
    const row = page.getByRole("region", { name: "Critical alerts" }).getByRole("listitem").filter({
      hasText: guard.externalId,
    });
    await row.getByRole("link", { name: "Details" }).click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: `PANIC: ${guard.name}` })).toBeVisible();
    await expect(page).toHaveTitle(`panic alert: ${guard.name} · Vigil`);
    return new URL(page.url()).pathname.split("/").at(-1)!;
  });

  await test.step("the page shows the facts, the map, the timeline and the SMS delivered", async () => {
    const facts = page.getByRole("region", { name: "Facts" });
    await expect(facts).toContainText(`${guard.name} (${guard.externalId})`);
    await expect(facts).toContainText("Man with a knife at the loading bay");
    await expect(page.getByLabel("Alert location").locator(".leaflet-container")).toBeVisible();
    await expect(page.getByRole("region", { name: "False-alarm score" })).toContainText(
      "Panic and man-down alerts are never scored.",
    );
    // The ledger refreshes itself while a delivery is queued: no reload needed.
    const delivery = page.getByRole("table", { name: "Deliveries" }).getByRole("row").filter({ hasText: contactName });
    await expect(delivery).toContainText("SMS");
    await expect(delivery.getByText("sent", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(delivery).toContainText(/SM[0-9a-f]{32}/);
    await expect
      .poll(async () =>
        (await providerRequests(vigil)).some(
          (r) => r.provider === "twilio" && r.body.To === phoneNumber && r.body.Body?.includes(alertId),
        ),
      )
      .toBe(true);
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByRole("listitem").first()).toContainText("Raised");
    await expect(timeline.getByRole("listitem").filter({ hasText: "Escalation tier 1 notified" })).toContainText(
      `${contactName} by sms`,
    );
    await page.screenshot({ path: path.join(screenshotDir, "alert-page-desktop.png"), fullPage: true });
  });

  await test.step("a note and the acknowledgement join the timeline with who did them", async () => {
    await page.getByRole("textbox", { name: "Add a note" }).fill("Called Meena: she is safe, police on the way.");
    await page.getByRole("button", { name: "Add note" }).click();
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByRole("listitem").filter({ hasText: "Note" })).toContainText(`by ${operator.email}`);
    await expect(timeline).toContainText("Called Meena: she is safe, police on the way.");
    await expect(page.getByRole("textbox", { name: "Add a note" })).toHaveValue("");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.locator(".alert-status")).toHaveText("Acknowledged");
    await expect(timeline.getByRole("listitem").filter({ hasText: /^.*Acknowledged by/ })).toContainText(
      operator.email,
    );
  });

  await test.step("show on map opens the NOC centred on the alert", async () => {
    await page.getByRole("link", { name: "Show on the NOC map" }).click();
    await expect(page).toHaveURL(new RegExp(`/\\?alert=${alertId}&lat=`));
    await expect
      .poll(() =>
        page.evaluate(() => {
          const centre = window.vigilNoc?.map.getCenter();
          return centre ? [Number(centre.lat.toFixed(4)), Number(centre.lng.toFixed(4))] : null;
        }),
      )
      .toEqual([PANIC_AT.lat, PANIC_AT.lon]);
  });

  await test.step("the history finds the alert by its guard, on a desktop and on a phone", async () => {
    await page.goto(`/alerts?guard=${guard.externalId}`);
    await expect(page).toHaveTitle("Alert history · Vigil");
    const row = page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: guard.externalId });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Acknowledged");
    await page.screenshot({ path: path.join(screenshotDir, "alert-history-desktop.png"), fullPage: true });
    const context = await browser.newContext({
      baseURL: vigil.url,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      storageState: await page.context().storageState(),
    });
    const phonePage = await context.newPage();
    await phonePage.goto(`/alerts?q=${encodeURIComponent("loading bay")}`);
    await expect(phonePage.getByRole("table", { name: "Alerts" })).toContainText(guard.externalId);
    await phonePage.screenshot({ path: path.join(screenshotDir, "alert-history-phone.png"), fullPage: true });
    await phonePage.getByRole("link", { name: "panic" }).first().tap();
    await expect(phonePage.getByRole("heading", { name: `PANIC: ${guard.name}` })).toBeVisible();
    await expect(phonePage.getByRole("table", { name: "Deliveries" })).toContainText(contactName);
    await phonePage.screenshot({ path: path.join(screenshotDir, "alert-page-phone.png"), fullPage: true });
    await context.close();
  });
  expect(errors).toEqual([]);
});

test("operator works the NOC from the keyboard: ? lists the shortcuts, j/m/a/s and / act", async ({
  page,
  api,
  vigil,
}) => {
  test.setTimeout(60_000);
  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-kb-${suffix}`, name: `Keyboard Karthik ${suffix}` };
  const { mqtt: phone } = await registerGuardWithPhone(api, guard, `phone-kb-${suffix}`);
  await resolveOpenAlerts(api);
  const errors = collectErrors(page);
  await signIn(page, vigil, vigil.operators[1]);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await publish(vigil, phone, `guard/${guard.externalId}/gps`, {
    lat: 12.9611,
    lon: 77.6387,
    accuracy: 8,
    timestamp: new Date().toISOString(),
  });
  await publish(
    vigil,
    phone,
    `alert/panic/${guard.externalId}`,
    {
      alert_type: "panic",
      severity: "critical",
      message: "Pressed from the keyboard test",
      location: { lat: 12.9612, lon: 77.6388 },
      timestamp: new Date().toISOString(),
      msg_id: `kb-${suffix}`,
    },
    { qos: 2 },
  );
  const queue = page.getByRole("list", { name: "Open alerts" });
  const item = queue.getByRole("listitem").filter({ hasText: guard.externalId });
  await expect(item).toBeVisible();

  await test.step("? shows the shortcuts and Esc hides them", async () => {
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Acknowledge the selected alert");
    await page.screenshot({ path: path.join(screenshotDir, "noc-shortcuts.png") });
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);
  });

  await test.step("j selects the alert, m centres the map on it, a acknowledges it", async () => {
    await page.keyboard.press("j");
    await expect(item).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("m");
    await expect
      .poll(() => page.evaluate(() => window.vigilNoc?.map.getCenter().lat.toFixed(4)))
      .toBe((12.9612).toFixed(4));
    await page.keyboard.press("a");
    await expect(page.getByRole("status").filter({ hasText: "Acknowledged panic" })).toBeVisible();
    await expect(item).toHaveAttribute("data-status", "ACKNOWLEDGED");
  });

  await test.step("s mutes the alarm for a while, and s again unmutes it", async () => {
    await page.keyboard.press("s");
    await expect(page.getByRole("button", { name: "Unmute alarm" })).toBeVisible();
    await expect(page.getByText(/sound back at \d\d:\d\d:\d\d/)).toBeVisible();
    await page.keyboard.press("s");
    await expect(page.getByRole("button", { name: "Mute alarm" })).toBeVisible();
  });

  await test.step("/ searches the guards; Enter shows the first on the map", async () => {
    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Search guards" });
    await expect(search).toBeFocused();
    await search.fill(`karthik ${suffix}`);
    const guards = page.getByRole("list", { name: "Guards" }).getByRole("listitem");
    await expect(guards).toHaveCount(1);
    await expect(guards).toContainText(guard.externalId);
    await search.press("Enter");
    await expect
      .poll(() => page.evaluate(() => window.vigilNoc?.map.getCenter().lng.toFixed(4)))
      .toBe((77.6387).toFixed(4));
    await page.screenshot({ path: path.join(screenshotDir, "noc-guard-search.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(search).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, "noc-guard-search-phone.png"), fullPage: true });
  });
  expect(errors).toEqual([]);
});

test("the app installs: manifest with PNG icons, titles, and a useful not-found page", async ({ page, vigil }) => {
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const { icons, start_url } = (await manifest.json()) as {
    icons: { src: string; sizes: string }[];
    start_url: string;
  };
  expect(start_url).toBe("/m");
  expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of icons) {
    const png = await page.request.get(icon.src);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect((await png.body()).subarray(1, 4).toString()).toBe("PNG");
  }
  await signIn(page, vigil, vigil.operators[1]);
  // (Not asserted: the 404 status. The alert pages stream behind a loading screen, after which the status is sent.)
  await page.goto("/alerts/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page).toHaveTitle("Not found · Vigil");
  await page.goto("/devices");
  await expect(page).toHaveTitle("Devices · Vigil");
});
