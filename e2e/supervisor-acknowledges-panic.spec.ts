// Persona: the supervisor, away from the control room, gets an SMS about a
// guard's panic, opens its link on a phone without signing in and
// acknowledges with one tap; the operator's banner and alarm stop, live.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { AlertDetailDto, AlertListItemDto } from "../server/contracts/alert-api";
import type { ContactDto } from "../server/contracts/notifications";
import {
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

// Near the map's default centre, so the alert's marker is in view.
const PANIC_AT = { lat: 12.969, lon: 77.5995 };
const TIME_ZONE = "Asia/Kolkata";
const localTime = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { timeZone: TIME_ZONE });

/** Counts the alarm's beeps: every WebAudio oscillator started by the page. */
async function countBeeps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = window as unknown as { beeps: number };
    counter.beeps = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      counter.beeps += 1;
      return start.apply(this, args);
    };
  });
}

/** Errors the page reports (a hydration mismatch shows up here as React error #418). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} ${message.location().url}`);
  });
  return errors;
}

const beeps = (page: Page) => page.evaluate(() => (window as unknown as { beeps: number }).beeps);

async function openAlertOf(api: APIRequestContext, sourceExternalId: string): Promise<AlertListItemDto | undefined> {
  const alerts = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
  return alerts.find((a) => a.sourceExternalId === sourceExternalId);
}

test("supervisor acknowledges a panic from the SMS link on a phone and the operator's banner clears", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(60_000);
  const suffix = Date.now().toString(36);
  const supervisorPhone = `+9198${String(Date.now()).slice(-8)}`;
  const guard = { externalId: `guard-${suffix}`, name: "Ravi Kumar" };

  const contact = await test.step("a supervisor is the default escalation contact, by SMS", async () => {
    const created = await api.post("/api/v1/contacts", { data: { name: "Sam Supervisor", phone: supervisorPhone } });
    expect(created.status(), await created.text()).toBe(201);
    const contact = (await created.json()) as ContactDto;
    const policy = await api.post("/api/v1/escalation-policies", {
      data: { name: `Default ${suffix}`, tiers: [{ contactIds: [contact.id], channels: ["sms"], delaySeconds: 0 }] },
    });
    expect(policy.status(), await policy.text()).toBe(201);
    return contact;
  });

  const phone = await test.step("a guard and their phone are registered", async () => {
    return (await registerGuardWithPhone(api, guard, `phone-${suffix}`)).mqtt;
  });

  await resolveOpenAlerts(api); // alarms other tests left open would keep the banner up
  await countBeeps(page);
  const operatorErrors = collectErrors(page);
  await signIn(page, vigil, vigil.operators[0]);
  await expect(page.getByRole("status")).toHaveText("Live");
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const banner = page.getByRole("region", { name: "Critical alerts" });

  const alert =
    await test.step("the guard's panic puts a banner on the operator's screen and sounds the alarm", async () => {
      await publish(
        vigil,
        phone,
        `alert/panic/${guard.externalId}`,
        {
          alert_type: "panic",
          severity: "critical",
          message: "Intruder at gate 3",
          location: PANIC_AT,
          timestamp: new Date().toISOString(),
          msg_id: `panic-${suffix}`,
        },
        { qos: 2 },
      );
      const row = banner.getByRole("listitem").filter({ hasText: guard.externalId });
      await expect(row).toContainText("PANIC");
      await expect(row).toContainText(`${guard.name} (${guard.externalId})`);
      await expect(row).toContainText("Intruder at gate 3");
      await expect(row.getByRole("button", { name: "Acknowledge" })).toBeVisible();
      await page.screenshot({ path: path.join(screenshotDir, "noc-panic-banner.png") });
      // Any click is the gesture browsers want before they play sound.
      await banner.getByText(/not acknowledged/).click();
      await expect(banner.getByRole("button", { name: "Click to enable sound" })).toHaveCount(0);
      await expect.poll(() => beeps(page), { message: "the alarm beeps" }).toBeGreaterThan(0);
      const alert = await openAlertOf(api, guard.externalId);
      expect(alert).toMatchObject({ type: "panic", severity: "critical", status: "NEW" });
      return alert!;
    });

  const link = await test.step("the supervisor's SMS carries a link to this Vigil", async () => {
    let body = "";
    await expect
      .poll(async () => {
        const sms = (await providerRequests(vigil)).find(
          (r) => r.provider === "twilio" && r.body.To === supervisorPhone && r.body.Body?.includes(alert.id),
        );
        body = sms?.body.Body ?? "";
        return body;
      })
      .toContain(`PANIC: ${guard.name} (${guard.externalId})`);
    const link = /https?:\/\/\S+/.exec(body)?.[0] ?? "";
    expect(link.startsWith(`${vigil.url}/m/alerts/${alert.id}?t=`), link).toBe(true);
    return link;
  });

  await test.step("on a phone, not signed in: open the link and tap Acknowledge", async () => {
    // The supervisor's phone keeps its own time zone, not the server's (UTC here).
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      timezoneId: TIME_ZONE,
    });
    expect(await context.cookies()).toEqual([]);
    const phonePage = await context.newPage();
    const phoneErrors = collectErrors(phonePage);
    await phonePage.goto(link); // tap 1: the link in the SMS
    await expect(phonePage.getByRole("heading", { name: `PANIC: ${guard.name}` })).toBeVisible();
    await expect(phonePage.getByText("For Sam Supervisor")).toBeVisible();
    await expect(phonePage.getByText(`raised ${localTime(alert.firstSeenAt)}`)).toBeVisible();
    await expect(phonePage.getByLabel("Alert location")).toBeVisible();
    await phonePage.screenshot({ path: path.join(screenshotDir, "supervisor-phone-alert.png") });
    await phonePage.getByRole("button", { name: "Acknowledge" }).tap(); // tap 2
    await expect(phonePage.getByText(/^Acknowledged at \d\d:\d\d:\d\d\.$/)).toBeVisible();
    const { acknowledgedAt } = (await (await api.get(`/api/v1/alerts/${alert.id}`)).json()) as AlertDetailDto;
    await expect(phonePage.locator(".mobile-done")).toHaveText(`Acknowledged at ${localTime(acknowledgedAt!)}.`);
    await phonePage.screenshot({ path: path.join(screenshotDir, "supervisor-phone-acknowledged.png") });
    expect(phoneErrors).toEqual([]);
    await context.close();
  });

  await test.step("the operator's banner clears and the alarm stops, without a reload", async () => {
    await expect(banner).toHaveCount(0);
    const item = page.getByRole("list", { name: "Open alerts" }).getByRole("listitem").filter({
      hasText: guard.externalId,
    });
    await expect(item).toContainText("Acknowledged");
    const heard = await beeps(page);
    await page.waitForTimeout(3500); // longer than the alarm's 3 s period
    expect(await beeps(page), "no beep after the acknowledgement").toBe(heard);
    expect(await page.evaluate(() => performance.timeOrigin), "the page was not reloaded").toBe(pageOrigin);
    await page.screenshot({ path: path.join(screenshotDir, "noc-banner-cleared.png") });
    expect(operatorErrors).toEqual([]);
  });

  await test.step("the event log records the contact's acknowledgement through the link", async () => {
    const detail = (await (await api.get(`/api/v1/alerts/${alert.id}`)).json()) as AlertDetailDto;
    expect(detail.status).toBe("ACKNOWLEDGED");
    const acks = detail.events.filter((e) => e.action === "acknowledged");
    expect(acks).toEqual([
      expect.objectContaining({
        channel: "link",
        by: "Sam Supervisor",
        detail: expect.objectContaining({ contactId: contact.id }),
      }),
    ]);
    expect(detail.deliveries).toEqual([
      expect.objectContaining({ channel: "sms", recipient: supervisorPhone, status: "sent" }),
    ]);
  });
});
