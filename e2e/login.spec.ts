// Signing in and out of the NOC in the browser.
import path from "node:path";
import { expect, screenshotDir, test } from "./fixtures";

test("a wrong password shows an error and stays on the sign-in page", async ({ page, vigil }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(vigil.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // (Next adds an empty route-announcer alert of its own outside the form.)
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
  // The email is kept so the user only retypes the password.
  await expect(page.getByLabel("Email")).toHaveValue(vigil.admin.email);
  await page.screenshot({ path: path.join(screenshotDir, "login-error.png") });
});

test("signing out returns to the sign-in page and ends the session", async ({ page, vigil }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(vigil.admin.email);
  await page.getByLabel("Password").fill(vigil.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${vigil.url}/`);
  await expect(page.getByText(vigil.admin.email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  // The session is gone, not just the page: the NOC sends us back to sign in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});
