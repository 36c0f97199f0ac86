// Persona: an attacker who can name a guard or a device, or make a device send
// an alert message, tries to run script in the operators' browsers. Every page
// shows the text as text, nothing runs, and each page carries a
// Content-Security-Policy that would stop an inline handler even if escaping failed.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { AlertListItemDto } from "../server/contracts/alert-api";
import {
  expect,
  forgetGuardPositions,
  publish,
  resolveOpenAlerts,
  screenshotDir,
  signIn,
  test,
  type MqttCredentials,
} from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const IMG = `<img src=x onerror="window.__pwned=1">`;
const SCRIPT = `<script>window.__pwned=1</script>`;
// components/map/live-map.tsx: the alert marker's fill and a guard's.
const MARKER_FILLS = [
  [0xff, 0x5c, 0x5c],
  [0x3e, 0xcf, 0x8e],
];
const FIX_AT = { lat: 12.9716, lon: 77.5946 };
const PANIC_AT = { lat: 12.9776, lon: 77.5946 }; // about 670 m north: a separate marker

type Point = { x: number; y: number };

/** Centres of the groups of marker-coloured pixels on the NOC map's canvas, in page pixels. */
async function markerCentres(page: Page): Promise<Point[]> {
  return page
    .locator('[data-testid="map"] .leaflet-overlay-pane canvas')
    .evaluate((canvas: HTMLCanvasElement, colours: number[][]) => {
      const context = canvas.getContext("2d");
      if (!context || canvas.width === 0 || canvas.height === 0) return [];
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const groups: { x: number; y: number; n: number }[] = [];
      for (let i = 0; i < data.length; i += 4) {
        const marker = colours.some((colour) => colour.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 30));
        if ((data[i + 3] ?? 0) < 200 || !marker) continue;
        const x = (i / 4) % canvas.width;
        const y = Math.floor(i / 4 / canvas.width);
        const group = groups.find((g) => Math.hypot(g.x / g.n - x, g.y / g.n - y) < 12);
        if (group) Object.assign(group, { x: group.x + x, y: group.y + y, n: group.n + 1 });
        else groups.push({ x, y, n: 1 });
      }
      const box = canvas.getBoundingClientRect();
      return groups
        .filter((g) => g.n > 20)
        .map((g) => ({
          x: box.left + ((g.x / g.n) * box.width) / canvas.width,
          y: box.top + ((g.y / g.n) * box.height) / canvas.height,
        }));
    }, MARKER_FILLS);
}

/** Nothing ran, no hostile element exists, and nothing the app itself loads was refused by the policy. */
async function expectNothingRan(page: Page, violations: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(violations).toEqual([]);
}

test.afterAll(async ({ vigil }) => forgetGuardPositions(vigil, "guard-xss-%"));

test("hostile guard, device and alert text is shown as text and never runs", async ({ page, api, vigil }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-xss-${suffix}`, name: `Eve ${IMG}` };
  const device = { externalId: `phone-${suffix}`, name: `Phone ${SCRIPT}` };
  const message = `Help ${IMG} ${SCRIPT}`;
  // Policy violations the page reports: the app itself must cause none.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });

  const phone = await test.step("the guard and the phone get hostile names", async () => {
    expect((await api.post("/api/v1/guards", { data: guard })).status()).toBe(201);
    const created = await api.post("/api/v1/devices", {
      data: { ...device, kind: "guard-phone", guardExternalId: guard.externalId },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { mqtt: MqttCredentials }).mqtt;
  });

  const alert = await test.step("the phone reports a fix and a panic with a hostile message", async () => {
    await resolveOpenAlerts(api);
    await publish(vigil, phone, `guard/${guard.externalId}/gps`, {
      ...FIX_AT,
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
        message,
        location: PANIC_AT,
        timestamp: new Date().toISOString(),
        msg_id: `panic-${suffix}`,
      },
      { qos: 2 },
    );
    let found: AlertListItemDto | undefined;
    await expect
      .poll(async () => {
        const open = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
        found = open.find((a) => a.sourceExternalId === guard.externalId);
        return found?.message;
      })
      .toBe(message);
    return found!;
  });

  await test.step("every page carries the security headers; script cannot read the session cookie", async () => {
    await signIn(page, vigil);
    const response = await page.goto("/");
    const headers = response!.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const session = (await page.context().cookies()).find((c) => c.name === "vigil_session");
    expect(session, "the session cookie").toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("vigil_session");
    const again = (await page.request.get("/devices")).headers()["content-security-policy"];
    expect(again, "a fresh nonce per response").not.toBe(policy);
  });

  await test.step("the NOC lists them as text and the map's tooltips show them as text", async () => {
    await expect(page.getByRole("status")).toHaveText("Live");
    await expect(page.locator(`[data-guard="${guard.externalId}"]`)).toContainText(guard.name);
    const banner = page.getByRole("region", { name: "Critical alerts" }).getByRole("listitem").filter({
      hasText: guard.externalId,
    });
    await expect(banner).toContainText(message);
    await expect
      .poll(async () => (await markerCentres(page)).length, { message: "the guard and its alert on the map" })
      .toBeGreaterThanOrEqual(2);
    const tooltips: string[] = [];
    for (const centre of await markerCentres(page)) {
      await page.mouse.move(centre.x, centre.y);
      const tooltip = page.locator(".leaflet-tooltip");
      await expect(tooltip).toBeVisible();
      tooltips.push((await tooltip.textContent()) ?? "");
      expect(await tooltip.locator("img, script").count()).toBe(0);
      await page.mouse.move(5, 5);
      await expect(tooltip, "the tooltip closes when the pointer leaves the map").toHaveCount(0);
    }
    expect(tooltips).toEqual(
      expect.arrayContaining([`${guard.name} (${guard.externalId})`, `PANIC: ${guard.name} (${guard.externalId})`]),
    );
    const [first] = await markerCentres(page);
    await page.mouse.move(first!.x, first!.y);
    await page.screenshot({ path: path.join(screenshotDir, "hostile-text-noc.png") });
    await expectNothingRan(page, violations);
  });

  await test.step("the devices list and the device's page show the name as text", async () => {
    await page.goto("/devices");
    await expect(page.locator(`[data-device="${device.externalId}"]`)).toContainText(device.name);
    await expectNothingRan(page, violations);
    await page.goto(`/devices/${device.externalId}`);
    await expect(page.getByText(device.name).first()).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, "hostile-text-device.png") });
    await expectNothingRan(page, violations);
  });

  await test.step("the guard's page and the alert's page show name and message as text", async () => {
    await page.goto(`/guards/${guard.externalId}`);
    await expect(page.getByText(guard.name).first()).toBeVisible();
    await expectNothingRan(page, violations);
    await page.goto(`/m/alerts/${alert.id}`);
    await expect(page.getByRole("heading", { name: `PANIC: ${guard.name}` })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, "hostile-text-alert.png") });
    await expectNothingRan(page, violations);
  });

  await test.step("a site and a fence with hostile names: the sites page and the fence's tooltip show them as text", async () => {
    const site = { name: `Site ${SCRIPT}`, fence: `Fence ${IMG}` };
    const created = await api.post("/api/v1/sites", {
      data: {
        name: site.name,
        geofences: [{ name: site.fence, circle: { center: [FIX_AT.lon, FIX_AT.lat], radiusM: 300 } }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    try {
      await page.goto("/sites");
      await expect(page.getByText(site.name).first()).toBeVisible();
      await expectNothingRan(page, violations);
      await page.goto(`/sites/${id}`);
      const map = page.getByTestId("site-map");
      await expect(map.locator(".leaflet-interactive").first()).toBeVisible();
      const box = (await map.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tooltip = page.locator(".leaflet-tooltip");
      await expect(tooltip).toHaveText(site.fence);
      expect(await tooltip.locator("img").count()).toBe(0);
      await page.screenshot({ path: path.join(screenshotDir, "hostile-text-fence.png") });
      await expectNothingRan(page, violations);
    } finally {
      // A fence left behind would change where the NOC opens for other specs.
      expect((await api.delete(`/api/v1/sites/${id}`)).status()).toBeLessThan(300);
    }
  });

  await test.step("if markup ever got into the page, the policy would still stop its inline handler", async () => {
    await page.goto("/");
    const refused = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true }),
        ),
    );
    await page.evaluate((html) => {
      const div = document.createElement("div");
      div.innerHTML = html;
      document.body.append(div);
    }, IMG);
    expect(await refused).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  await resolveOpenAlerts(api);
});
