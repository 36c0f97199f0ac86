// Persona: an operator's NOC loses its network for 90 s while alarms keep
// coming. Nothing arrives while offline; within 5 s of reconnecting the queue
// and the banner show what was raised meanwhile (a panic sent twice shows once,
// "2 times") and drop what was resolved meanwhile. Its own Playwright project
// (playwright.config.ts, "ui-long"): 90 s of waiting run beside the other specs.
import { expect, publish, registerGuardWithPhone, resolveOpenAlerts, signIn, test } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const PANIC_AT = { lat: 12.9655, lon: 77.6005 };

test("alerts raised and resolved while the NOC was offline for 90 s show within 5 s of reconnecting, once", async ({
  page,
  api,
  vigil,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-r-${suffix}`, name: "Joseph Dsouza" };
  const { mqtt: phone } = await registerGuardWithPhone(api, guard, `phone-r-${suffix}`);
  await resolveOpenAlerts(api);
  const panic = (msgId: string) =>
    publish(
      vigil,
      phone,
      `alert/panic/${guard.externalId}`,
      { severity: "critical", location: PANIC_AT, timestamp: new Date().toISOString(), msg_id: msgId },
      { qos: 2 },
    );

  await signIn(page, vigil, vigil.operators[0]);
  const status = page.getByRole("status");
  await expect(status).toHaveText("Live");
  const items = page.getByRole("list", { name: "Open alerts" }).getByRole("listitem");
  const ofGuard = items.filter({ hasText: guard.externalId });
  const intrusion = await test.step("an alert the operator already sees", async () => {
    await publish(vigil, phone, `alert/intrusion/${guard.externalId}`, { severity: "high", msg_id: `i-${suffix}` });
    await expect(ofGuard).toHaveCount(1);
    return (await ofGuard.getAttribute("data-alert"))!;
  });

  await test.step("offline for 90 s: a panic (sent twice) and the intrusion resolved meanwhile", async () => {
    await page.context().setOffline(true);
    await expect(status).toHaveText("Reconnecting…");
    await panic(`p1-${suffix}`);
    await panic(`p2-${suffix}`);
    const resolved = await api.post(`/api/v1/alerts/${intrusion}/resolve`, { data: { outcome: "real" } });
    expect(resolved.status(), await resolved.text()).toBe(200);
    await page.waitForTimeout(90_000);
    await expect(ofGuard).toHaveCount(1); // nothing arrives while offline
    await expect(ofGuard).not.toContainText("PANIC");
  });

  await test.step("back online: within 5 s the queue and banner catch up, without duplicates", async () => {
    const onlineAt = Date.now();
    await page.context().setOffline(false);
    await expect(status).toHaveText("Live", { timeout: 15_000 });
    const liveAt = Date.now();
    await expect(ofGuard.filter({ hasText: "PANIC" })).toHaveCount(1, { timeout: 5000 });
    const shownAt = Date.now();
    console.info(
      `NOC offline 90 s: live again ${liveAt - onlineAt} ms after the network returned, ` +
        `the missed panic shown ${shownAt - liveAt} ms after reconnecting`,
    );
    await expect(ofGuard).toHaveCount(1);
    await expect(ofGuard).toContainText("2 times");
    await expect(page.locator(`[data-alert="${intrusion}"]`)).toHaveCount(0);
    const banner = page.getByRole("region", { name: "Critical alerts" });
    await expect(banner.getByRole("listitem").filter({ hasText: guard.externalId })).toHaveCount(1);
  });
  await resolveOpenAlerts(api);
});
