// Persona: a user's account. They change their password on the Account page
// (a phone too) and their other browser is signed out; a user who forgot
// theirs asks for a link on the sign-in page, reads it in the email the fake
// Resend API received, and sets a new one (the link then stops working); a
// user turns on two-factor sign-in and signs in with a code.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { base32Decode, hotp, totpStep } from "../server/auth/totp";
import { expect, providerRequests, screenshotDir, test, type Account, type Vigil } from "./fixtures";

// Every step here hashes a password (scrypt, N=2^17): seconds each on a busy machine.
test.describe.configure({ timeout: 120_000 });

const unique = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function newOperator(api: APIRequestContext): Promise<Account> {
  const account = { email: `acct-${unique()}@vigil.test`, password: "first-password-1" };
  const created = await api.post("/api/v1/users", { data: { ...account, name: "Ana Account", role: "operator" } });
  expect(created.status(), await created.text()).toBe(201);
  return account;
}

/** The sign-in page's form, then the NOC; a password check may take seconds on a busy machine. */
async function signIn(page: Page, vigil: Vigil, account: Account): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${vigil.url}/`, { timeout: 30_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

async function resetLink(vigil: Vigil, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const sent = (await providerRequests(vigil)).filter(
          (r) => r.provider === "resend" && JSON.stringify(r.body.to).includes(email),
        );
        link = /(http\S+\/reset-password\?token=[\w-]+)/.exec(sent.at(-1)?.body.text ?? "")?.[1];
        return link;
      },
      { message: `the reset email to ${email}`, timeout: 20_000 },
    )
    .toBeTruthy();
  return link!;
}

test("a user changes their password on the Account page, and their other browser is signed out", async ({
  page,
  vigil,
  api,
  browser,
}) => {
  const user = await newOperator(api);
  // Another browser of the same user, signed in first.
  const elsewhere = await browser.newContext({ baseURL: vigil.url });
  const other = await elsewhere.newPage();
  await signIn(other, vigil, user);

  await signIn(page, vigil, user);
  await page.getByRole("link", { name: /Account/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("second-password-2");
  await form.getByLabel("New password again").fill("second-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.locator("#current-password-note")).toHaveText("not your current password");

  await form.getByLabel("Current password").fill(user.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Password changed", { timeout: 30_000 });
  await shoot(page, "account-desktop");

  // This browser goes on; the other one is sent to sign in.
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await other.goto("/devices");
  await expect(other).toHaveURL(/\/login$/);
  await signIn(other, vigil, { ...user, password: "second-password-2" });
  await elsewhere.close();

  // On a phone the Account link stays in the top bar.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByRole("link", { name: /Account/ }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await shoot(page, "account-phone");
});

test("forgot password: the emailed link sets a new password once", async ({ page, vigil, api }) => {
  const user = await newOperator(api);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.locator("form").getByRole("status")).toContainText("If this email belongs to an account");
  await shoot(page, "forgot-password");

  const link = await resetLink(vigil, user.email);
  expect(link.startsWith(vigil.url)).toBe(true);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("reset-password-3");
  await page.getByLabel("New password again").fill("reset-password-3");
  await shoot(page, "reset-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("form").getByRole("status")).toContainText("Your password is changed", {
    timeout: 30_000,
  });
  await page.getByRole("link", { name: "Sign in with the new password" }).click();
  await signIn(page, vigil, { ...user, password: "reset-password-3" });

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("reset-password-4");
  await page.getByLabel("New password again").fill("reset-password-4");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("does not work any more");
  await shoot(page, "reset-password-used");
});

test("a user turns on two-factor sign-in and then signs in with a code", async ({ page, vigil, api }) => {
  const user = await newOperator(api);
  await signIn(page, vigil, user);
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code of the two-factor secret" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shoot(page, "account-totp-setup");
  const code = (steps: number) => hotp(base32Decode(secret), totpStep(Date.now()) + steps);
  await page.getByLabel("Code", { exact: true }).fill(code(0));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("totp-on")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Code from your authenticator app")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Wrong or used code");
  await shoot(page, "login-totp");
  await page.getByLabel("Code from your authenticator app").fill(code(1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${vigil.url}/`, { timeout: 30_000 });
});
