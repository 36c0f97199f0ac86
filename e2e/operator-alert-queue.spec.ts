// Persona: two control-room operators work the alert queue. A panic appears
// in both queues; one claims it; both press Acknowledge at the same moment
// and exactly one succeeds, the other is told who was first; the claimer
// resolves it as a false alarm with a note and it leaves both queues.
import path from "node:path";
import type { Page, Route } from "@playwright/test";
import type { AlertDetailDto, AlertListItemDto } from "../server/contracts/alert-api";
import { expect, publish, registerGuardWithPhone, resolveOpenAlerts, screenshotDir, signIn, test } from "./fixtures";

test.use({ viewport: { width: 1400, height: 900 } });

const PANIC_AT = { lat: 12.9655, lon: 77.6005 };
const ACKNOWLEDGE = "**/api/v1/alerts/*/acknowledge";

/**
 * Plays the browser's autoplay rule, which headless Chromium does not apply
 * (and Playwright's own script calls count as gestures): an AudioContext
 * stays suspended until the page has had a real click or key press.
 */
async function blockSoundUntilGesture(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let gestured = false;
    for (const type of ["pointerdown", "keydown"]) window.addEventListener(type, () => (gestured = true), true);
    const Native = window.AudioContext;
    window.AudioContext = class extends Native {
      constructor(options?: AudioContextOptions) {
        super(options);
        if (!gestured) void this.suspend();
      }
      override resume() {
        return gestured ? super.resume() : Promise.resolve();
      }
    };
  });
}

/** Holds each page's acknowledge request until both pages have sent theirs. */
async function holdAcknowledgements(pages: Page[]): Promise<Map<Page, Route>> {
  const held = new Map<Page, Route>();
  for (const p of pages) await p.route(ACKNOWLEDGE, (route) => void held.set(p, route));
  return held;
}

test("operators claim, race to acknowledge and resolve a panic as a false alarm from the queue", async ({
  page,
  api,
  browser,
  vigil,
}) => {
  test.setTimeout(60_000);
  const [first, second] = vigil.operators;
  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-q-${suffix}`, name: "Meena Iyer" };
  const { mqtt: phone } = await registerGuardWithPhone(api, guard, `phone-q-${suffix}`);
  await resolveOpenAlerts(api); // alarms other tests left open would ring too

  const otherContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const other = await otherContext.newPage();
  await blockSoundUntilGesture(other);
  await signIn(page, vigil, first);
  await signIn(other, vigil, second);
  // A fresh page load, as after the console's PC restarts: no user gesture yet.
  await other.reload();
  for (const p of [page, other]) await expect(p.getByRole("status")).toHaveText("Live");

  const itemOn = (p: Page) =>
    p.getByRole("list", { name: "Open alerts" }).getByRole("listitem").filter({ hasText: guard.externalId });
  const mine = itemOn(page);
  const theirs = itemOn(other);

  await test.step("a panic appears in both operators' queues", async () => {
    await publish(
      vigil,
      phone,
      `alert/panic/${guard.externalId}`,
      {
        alert_type: "panic",
        severity: "critical",
        message: "Pressed by mistake?",
        location: PANIC_AT,
        timestamp: new Date().toISOString(),
        msg_id: `q-${suffix}`,
      },
      { qos: 2 },
    );
    for (const item of [mine, theirs]) {
      await expect(item).toContainText("PANIC");
      await expect(item).toContainText(`${guard.name} (${guard.externalId})`);
      await expect(item).toContainText("New");
    }
    // The second operator's browser has had no gesture yet: it says how to get sound.
    const enable = other.getByRole("button", { name: "Click to enable sound" });
    await expect(enable).toBeVisible();
    await other.screenshot({ path: path.join(screenshotDir, "operator-queue-sound-blocked.png") });
    await enable.click();
    await expect(enable).toHaveCount(0);
  });

  await test.step("the first operator claims it; the second sees who has it", async () => {
    await mine.getByRole("button", { name: "Claim" }).click();
    await expect(mine).toContainText("Claimed by you");
    await expect(theirs).toContainText(`Claimed by ${first.email}`);
    await expect(theirs.getByRole("button", { name: "Claim" })).toHaveCount(0);
  });

  await test.step("both acknowledge at the same moment: one wins, the other is told who was first", async () => {
    const held = await holdAcknowledgements([page, other]);
    await mine.getByRole("button", { name: "Acknowledge" }).click();
    await theirs.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => held.size, { message: "both requests were sent" }).toBe(2);
    const answers = [page, other].map((p) => p.waitForResponse((r) => r.url().endsWith("/acknowledge")));
    await Promise.all([...held.values()].map((route) => route.continue()));
    const statuses = await Promise.all(answers.map(async (a) => (await a).status()));
    expect([...statuses].sort()).toEqual([200, 409]);
    const [winner, loser] = statuses[0] === 200 ? [first, other] : [second, page];
    const loserItem = loser === page ? mine : theirs;
    await expect(loserItem.getByRole("alert")).toContainText(`Already acknowledged by ${winner.email} (web)`);
    for (const item of [mine, theirs]) await expect(item).toContainText("Acknowledged");
    for (const p of [page, other]) await p.unroute(ACKNOWLEDGE);
    await loser.screenshot({ path: path.join(screenshotDir, "operator-queue-conflict.png") });
  });

  const alertId = (await mine.getAttribute("data-alert"))!;

  await test.step("the claimer resolves it as a false alarm with a note; it leaves both queues", async () => {
    await mine.getByRole("button", { name: "Resolve…" }).click();
    const form = mine.getByRole("form", { name: "Resolve alert" });
    await form.getByLabel("Outcome").selectOption({ label: "False alarm" });
    await form.getByLabel("Note (optional)").fill("Guard pressed it while cleaning the phone.");
    await page.screenshot({ path: path.join(screenshotDir, "operator-queue-resolve.png") });
    await form.getByRole("button", { name: "Resolve" }).click();
    for (const item of [mine, theirs]) await expect(item).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, "operator-queue-resolved.png") });

    const open = (await (await api.get("/api/v1/alerts?status=open&limit=200")).json()) as AlertListItemDto[];
    expect(open.map((a) => a.id)).not.toContain(alertId);
    const detail = (await (await api.get(`/api/v1/alerts/${alertId}`)).json()) as AlertDetailDto;
    expect(detail).toMatchObject({
      status: "RESOLVED",
      outcome: "false_alarm",
      resolutionNote: "Guard pressed it while cleaning the phone.",
      claimedBy: first.email,
    });
    expect(detail.events.map((e) => [e.action, e.channel])).toEqual([
      ["raised", "mqtt"],
      ["claimed", "web"],
      ["acknowledged", "web"],
      ["resolved", "web"],
    ]);
  });

  await test.step("an operator's Mute is remembered after a reload", async () => {
    await page.getByRole("button", { name: "Mute alarm" }).click();
    await page.reload();
    await expect(page.getByRole("button", { name: "Unmute alarm" })).toBeVisible();
    await page.getByRole("button", { name: "Unmute alarm" }).click();
    await expect(page.getByRole("button", { name: "Mute alarm" })).toBeVisible();
  });
  await otherContext.close();
});
