// Persona: a guard with the browser guard app (/g) on a phone, 390x844. The
// admin enrols the phone from the guard's page in the NOC; the phone opens
// the one-time link and becomes the guard's device. Its GPS fix moves the
// guard, a QR code scanned from a photo counts a checkpoint visit of the tour
// due, a panic goes out after its cancel window and is receipted, "I'm OK"
// is stored as the guard's check-in, and cancelling the panic with the duress
// PIN shows the same "Cancelled" as with the normal PIN while the NOC gets a
// silent duress alert.
import path from "node:path";
import postgres from "postgres";
import QRCode from "qrcode";
import type { CheckpointDto, TourRunDto } from "../server/contracts/patrols";
import type { SiteDto } from "../server/contracts/sites";
import { advanceTourRuns } from "../server/services/patrols/advance-tour-runs";
import { expect, forgetGuardPositions, screenshotDir, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.afterAll(async ({ vigil }) => forgetGuardPositions(vigil, "guard-app-%"));

test("a guard's phone is enrolled from the NOC, reports, scans, checks in and cancels a panic", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const guard = `guard-app-${suffix}`;
  expect((await api.post("/api/v1/guards", { data: { externalId: guard, name: "Meera Iyer" } })).status()).toBe(201);
  const site = (await (await api.post("/api/v1/sites", { data: { name: `Warehouse ${suffix}` } })).json()) as SiteDto;
  expect((await api.post(`/api/v1/guards/${guard}/assignments`, { data: { siteId: site.id } })).status()).toBe(201);
  const pins = await api.put(`/api/v1/guards/${guard}/pins`, { data: { pin: "1234", duressPin: "9999" } });
  expect(pins.status(), await pins.text()).toBeLessThan(300);
  const made = await api.post(`/api/v1/sites/${site.id}/checkpoints`, { data: { name: "Loading dock" } });
  const dock = (await made.json()) as CheckpointDto;
  const tour = await api.post(`/api/v1/sites/${site.id}/tours`, {
    data: {
      name: "Evening round",
      checkpointIds: [dock.id],
      startAt: new Date(Date.now() - 60_000).toISOString(),
      windowMinutes: 45,
      guardExternalId: guard,
    },
  });
  expect(tour.status(), await tour.text()).toBe(201);
  // The worker makes due runs every minute; made at once here with the same code.
  const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await advanceTourRuns(sql, { toTenant: () => {}, toUser: () => {} });
  } finally {
    await sql.end({ timeout: 5 });
  }

  const enrolLink = await test.step("the admin enrols a phone on the guard's page", async () => {
    await signIn(page, vigil);
    await page.goto(`/guards/${guard}`);
    await page.getByRole("button", { name: "Enrol a phone" }).click();
    await expect(page.getByRole("img", { name: "QR code that enrols a phone in the guard app" })).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, "guard-app-enrol-code.png") });
    return (await page.getByTestId("enrol-link").getAttribute("href")) ?? "";
  });
  expect(enrolLink).toMatch(/\/g\/enrol#/);
  const device = (await page.getByRole("link", { name: /^app-/ }).textContent()) ?? "";
  // A cancel window long enough to press Cancel in, short enough to wait out (read by the app at start).
  const config = await api.put(`/api/v1/devices/${device}/config`, { data: { config: { cancelWindowSeconds: 10 } } });
  expect(config.status(), await config.text()).toBeLessThan(300);

  const context = await browser.newContext({
    baseURL: vigil.url,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ["geolocation"],
    geolocation: { latitude: 19.076, longitude: 72.8777, accuracy: 10 },
  });
  const phone = await context.newPage();

  await test.step("the phone opens the link and shows the guard's shift and next checkpoint", async () => {
    await phone.goto(enrolLink);
    await expect(phone).toHaveURL(`${vigil.url}/g`);
    await expect(phone).toHaveTitle("Guard app · Vigil");
    await expect(phone.getByRole("heading", { name: "Meera Iyer" })).toBeVisible();
    await expect(phone.getByText(`Site: Warehouse ${suffix}`)).toBeVisible();
    await expect(phone.getByText("Next checkpoint: Loading dock")).toBeVisible();
    await expect(phone.getByText("Online")).toBeVisible();
    // The token is gone from the address bar and cannot enrol a second phone.
    const again = await api.post("/api/v1/phone-enrolments", { data: { token: enrolLink.split("#")[1] } });
    expect(again.status()).toBe(422);
    await phone.screenshot({ path: path.join(screenshotDir, "guard-app-phone.png") });
    // Installable on its own: the page names the guard app's manifest, which starts at /g.
    await expect(phone.locator('link[rel="manifest"]')).toHaveAttribute("href", "/g/manifest.webmanifest");
    const manifest = (await (await phone.request.get("/g/manifest.webmanifest")).json()) as { start_url: string };
    expect(manifest.start_url).toBe("/g");
  });

  await test.step("a GPS fix moves the guard", async () => {
    await context.setGeolocation({ latitude: 19.0801, longitude: 72.8811, accuracy: 8 });
    await expect
      .poll(async () => {
        const fixes = (await (await api.get(`/api/v1/guards/${guard}/locations`)).json()) as { lat: number }[];
        return fixes.at(-1)?.lat;
      })
      .toBe(19.0801);
  });

  await test.step("a QR code scanned from a photo counts the checkpoint visit", async () => {
    const image = await QRCode.toBuffer(dock.code, { width: 360, margin: 2 });
    await phone
      .getByLabel("Scan from a photo")
      .setInputFiles({ name: "dock.png", mimeType: "image/png", buffer: image });
    await expect(phone.getByText("Checkpoint counted.")).toBeVisible();
    // The run is complete, so the phone shows no tour due any more.
    await expect(phone.getByText("No tour due now.")).toBeVisible();
    const runs = (await (await api.get(`/api/v1/tour-runs?guardExternalId=${guard}`)).json()) as TourRunDto[];
    expect(runs[0]?.checkpoints[0]).toMatchObject({ name: "Loading dock", method: "qr", guardExternalId: guard });
  });

  const alarmsOfGuard = async () => {
    const db = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await db`select a.type from alerts a join guards g on g.id = a.guard_id where g.external_id = ${guard}`;
    } finally {
      await db.end({ timeout: 5 });
    }
  };

  await test.step("a panic not cancelled goes out after the countdown and the NOC has it", async () => {
    await phone.getByRole("button", { name: "PANIC" }).click();
    await expect(phone.getByText(/Sending panic in \d+ s/)).toBeVisible();
    await expect(phone.getByText("Panic received by the NOC")).toBeVisible({ timeout: 30_000 });
    expect((await alarmsOfGuard()).map((a) => a.type)).toEqual(["panic"]);
    await phone.getByRole("button", { name: "Close" }).click();
  });

  const lastCheckIn = async () => {
    const db = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await db<{ at: Date | null }[]>`
        select c.last_check_in_at as at from guard_check_ins c join guards g on g.id = c.guard_id
        where g.external_id = ${guard}`;
      return row?.at ?? null;
    } finally {
      await db.end({ timeout: 5 });
    }
  };

  await test.step('the pre-alarm command shows "Check in now"; "I\'m OK" sends a check-in', async () => {
    const command = await api.post(`/api/v1/devices/${device}/commands`, {
      data: { type: "check-in-due", params: { dueAt: new Date().toISOString(), graceSeconds: 120 }, ttlSeconds: 300 },
    });
    expect(command.status(), await command.text()).toBe(201);
    const banner = phone.getByRole("alert").filter({ hasText: "Check in now" });
    await expect(banner).toBeVisible();
    await banner.getByRole("button", { name: "I'm OK" }).click();
    await expect(banner).toBeHidden();
    await expect.poll(lastCheckIn).not.toBeNull();
  });

  await test.step('man-down\'s "Are you OK?" fills the screen with a countdown; "I\'m OK" and the PIN answer it', async () => {
    const before = await lastCheckIn();
    const command = await api.post(`/api/v1/devices/${device}/commands`, {
      data: {
        type: "man-down-check",
        params: { dueAt: new Date(Date.now() + 30_000).toISOString(), cancelSeconds: 30 },
        ttlSeconds: 60,
      },
    });
    expect(command.status(), await command.text()).toBe(201);
    const question = phone.getByRole("alertdialog", { name: "Are you OK?" });
    await expect(question).toBeVisible();
    await expect(question.getByText(/The NOC is alerted in \d+ s unless you answer/)).toBeVisible();
    await question.getByRole("button", { name: "I'm OK" }).click();
    await question.getByLabel("Enter your PIN", { exact: true }).fill("1234");
    await question.getByRole("button", { name: "Confirm" }).click();
    await expect(question.getByText("Thank you")).toBeVisible();
    await expect.poll(async () => (await lastCheckIn())?.getTime() ?? 0).toBeGreaterThan(before?.getTime() ?? 0);
    await question.getByRole("button", { name: "OK" }).click();
    await expect(question).toBeHidden();
  });

  const cancelWith = async (pin: string) => {
    await phone.getByRole("button", { name: "PANIC" }).click();
    await expect(phone.getByText(/Sending panic in \d+ s/)).toBeVisible();
    await phone.getByRole("button", { name: "Cancel" }).click();
    await phone.getByLabel("Enter your PIN to cancel").fill(pin);
    await phone.getByRole("button", { name: "Confirm" }).click();
    const shown = phone.getByRole("status").filter({ hasText: "Cancelled" });
    await expect(shown).toBeVisible();
    const text = await shown.innerText();
    await shown.getByRole("button", { name: "OK" }).click();
    return text;
  };

  await test.step("the duress PIN shows the same 'Cancelled' as the normal PIN", async () => {
    const normal = await cancelWith("1234");
    // The normal PIN's check-in is answered (nothing waits in the page's outbox) and raises nothing.
    const outboxEmpty = async () =>
      (await phone.evaluate(() => localStorage.getItem("vigil.guardApp.outbox") ?? "[]")) === "[]";
    await expect.poll(outboxEmpty).toBe(true);
    expect((await alarmsOfGuard()).map((a) => a.type)).toEqual(["panic"]);
    const duress = await cancelWith("9999");
    expect(duress).toBe(normal);
    // The duress PIN looked the same on the phone, and the NOC has a duress alert; the cancelled panics raised none.
    await expect.poll(async () => (await alarmsOfGuard()).map((a) => a.type).sort()).toEqual(["duress", "panic"]);
  });

  await context.close();
});
