// Persona: the supervisor on a phone (390x844). Signing in lands on /m, their
// open alerts, most severe and newest first, live; an alert opens with its
// map, is acknowledged with one tap and resolved with an outcome and a note.
// The "Enable notifications" button: headless Chromium has no push service to
// subscribe with, so PushManager.subscribe is stood in for by a subscription
// on the fake push service (everything after it, the API and the stored
// subscription, is real); denied permission and browsers without push show
// what to do instead.
import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import type { AlertDetailDto, AlertListItemDto } from "../server/contracts/alert-api";
import {
  expect,
  publish,
  registerGuardWithPhone,
  resolveOpenAlerts,
  screenshotDir,
  test,
  type MqttCredentials,
  type Vigil,
} from "./fixtures";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

async function guardWithPhone(
  api: APIRequestContext,
  name: string,
): Promise<{ externalId: string; mqtt: MqttCredentials }> {
  const externalId = `guard-${name.split(" ")[0]!.toLowerCase()}-${Date.now().toString(36)}`;
  const { mqtt } = await registerGuardWithPhone(api, { externalId, name }, `phone-${externalId}`);
  return { externalId, mqtt };
}

async function panic(vigil: Vigil, guard: { externalId: string; mqtt: MqttCredentials }, message: string) {
  await publish(
    vigil,
    guard.mqtt,
    `alert/panic/${guard.externalId}`,
    {
      alert_type: "panic",
      severity: "critical",
      message,
      location: { lat: 12.969, lon: 77.5995 },
      timestamp: new Date().toISOString(),
      msg_id: `panic-${guard.externalId}`,
    },
    { qos: 2 },
  );
}

async function openAlertOf(api: APIRequestContext, externalId: string): Promise<AlertListItemDto> {
  let found: AlertListItemDto | undefined;
  await expect
    .poll(async () => {
      const alerts = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
      found = alerts.find((a) => a.sourceExternalId === externalId);
      return Boolean(found);
    })
    .toBe(true);
  return found!;
}

async function signedInPhone(browser: Browser, vigil: Vigil, permissions: string[] = []): Promise<BrowserContext> {
  const context = await browser.newContext({ ...PHONE, baseURL: vigil.url, permissions });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(vigil.supervisor.email);
  await page.getByLabel("Password").fill(vigil.supervisor.password);
  await page.getByRole("button", { name: "Sign in" }).tap();
  await expect(page).toHaveURL(`${vigil.url}/m`);
  return context;
}

test("a supervisor sees their open alerts on a phone, acknowledges one with a tap and resolves it", async ({
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(90_000);
  await resolveOpenAlerts(api);
  const ravi = await guardWithPhone(api, "Ravi Kumar");
  const asha = await guardWithPhone(api, "Asha Rao");
  await panic(vigil, ravi, "Intruder at gate 3");
  const first = await openAlertOf(api, ravi.externalId);

  const context = await signedInPhone(browser, vigil);
  const page = context.pages()[0]!;
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const list = page.getByRole("list", { name: "Open alerts" });

  await test.step("signing in lands on the open alerts; a new alert arrives live, on top", async () => {
    await expect(page.getByRole("heading", { name: "My open alerts" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Live");
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await panic(vigil, asha, "Man down near the loading bay");
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("listitem").first()).toContainText(`PANIC: Asha Rao`);
    await expect(list.getByRole("listitem").nth(1)).toContainText(`PANIC: Ravi Kumar`);
    await expect(list.getByRole("listitem").nth(1)).toContainText("Not acknowledged");
    await page.screenshot({ path: path.join(screenshotDir, "supervisor-phone-home.png") });
  });

  await test.step("tapping an alert opens it with its map; one tap acknowledges", async () => {
    await list.getByRole("link", { name: /Ravi Kumar/ }).tap();
    await expect(page).toHaveURL(`${vigil.url}/m/alerts/${first.id}`);
    await expect(page.getByRole("heading", { name: "PANIC: Ravi Kumar" })).toBeVisible();
    await expect(page.getByText("Intruder at gate 3")).toBeVisible();
    await expect(page.getByLabel("Alert location")).toBeVisible();
    await page.getByRole("button", { name: "Acknowledge" }).tap();
    await expect(page.getByText(/^Acknowledged at \d\d:\d\d:\d\d\.$/)).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, "supervisor-phone-acknowledged-signed-in.png") });
  });

  await test.step("resolving asks for the outcome, then records it with the note", async () => {
    await page.getByRole("button", { name: "Resolve" }).tap();
    await expect(page.getByText("choose what the alert turned out to be")).toBeVisible();
    await page.getByText("False alarm").tap();
    await page.getByLabel("Note (optional)").fill("Wind opened the gate");
    await page.screenshot({ path: path.join(screenshotDir, "supervisor-phone-resolve.png") });
    await page.getByRole("button", { name: "Resolve" }).tap();
    await expect(page.getByText("Resolved as false alarm.")).toBeVisible();
    const detail = (await (await api.get(`/api/v1/alerts/${first.id}`)).json()) as AlertDetailDto;
    expect(detail).toMatchObject({
      status: "RESOLVED",
      outcome: "false_alarm",
      resolutionNote: "Wind opened the gate",
    });
    expect(detail.events.map((e) => [e.action, e.channel])).toEqual(
      expect.arrayContaining([
        ["acknowledged", "web"],
        ["resolved", "web"],
      ]),
    );
  });

  await test.step("back on the list, the resolved alert is gone", async () => {
    await page.getByRole("link", { name: "← My open alerts" }).tap();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list).not.toContainText("Ravi Kumar");
    expect(errors).toEqual([]);
  });
  await context.close();
});

test("Enable notifications subscribes this phone, and says what to do when it cannot", async ({ browser, vigil }) => {
  test.setTimeout(90_000);
  // One sign-in; each case is a fresh phone with the same session and its own browser quirks.
  const signedIn = await signedInPhone(browser, vigil);
  const storageState = await signedIn.storageState();
  await signedIn.close();
  const phone = async (
    permissions: string[],
    quirks: (fake: { endpoint: string }) => void,
    fake = { endpoint: "" },
  ) => {
    const context = await browser.newContext({ ...PHONE, baseURL: vigil.url, permissions, storageState });
    await context.addInitScript(quirks, fake);
    const page = await context.newPage();
    await page.goto("/m");
    return { context, page, card: page.getByRole("region", { name: "Notifications" }) };
  };

  await test.step("granted: the subscription is stored and can be turned off again", async () => {
    const subscription = (await (
      await fetch(`${vigil.fakeProvidersUrl}/push-subscriptions`, { method: "POST" })
    ).json()) as { endpoint: string };
    const { context, page, card } = await phone(
      ["notifications"],
      (fake) => {
        let current: PushSubscription | null = null;
        PushManager.prototype.getSubscription = async () => current;
        PushManager.prototype.subscribe = async () => {
          current = {
            endpoint: fake.endpoint,
            toJSON: () => fake,
            unsubscribe: async () => ((current = null), true),
          } as unknown as PushSubscription;
          return current;
        };
      },
      subscription,
    );
    await card.getByRole("button", { name: "Enable notifications" }).tap();
    await expect(card).toContainText("Notifications are on for this phone.");
    await page.screenshot({ path: path.join(screenshotDir, "supervisor-phone-notifications-on.png") });
    await card.getByRole("button", { name: "Turn off notifications" }).tap();
    await expect(card.getByRole("button", { name: "Enable notifications" })).toBeVisible();
    await context.close();
  });

  await test.step("denied: the button is replaced by how to allow notifications", async () => {
    const { context, page, card } = await phone([], () =>
      Object.defineProperty(Notification, "permission", { get: () => "denied" }),
    );
    await expect(card).toContainText("Notifications are blocked for this site.");
    await expect(card.getByRole("button")).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, "supervisor-phone-notifications-denied.png") });
    await context.close();
  });

  await test.step("a browser without push says so", async () => {
    const { context, card } = await phone([], () => delete (window as { PushManager?: unknown }).PushManager);
    await expect(card).toContainText("This browser cannot show push notifications.");
    await context.close();
  });
});
