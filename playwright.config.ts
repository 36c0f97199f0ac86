// Playwright e2e: one real Vigil process (embedded PostgreSQL and broker)
// started by e2e/global-setup.ts, driven through Debian's Chromium. Two
// projects: "ui-long" holds the specs that mostly wait (a NOC offline for 90 s,
// a patrol window closing); `npm run test:e2e` (scripts/run-e2e.mjs) runs it in
// a second Playwright process, with a Vigil of its own, beside "ui".
import { defineConfig, devices } from "@playwright/test";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const browser = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1366, height: 800 },
  launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
};

/** Specs that spend most of their time waiting, run beside the others (scripts/run-e2e.mjs). */
const LONG_SPECS = ["noc-offline.spec.ts", "operator-missed-patrol.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  use: {
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "ui", testMatch: "*.spec.ts", testIgnore: LONG_SPECS, outputDir: "test-results/ui", use: browser },
    { name: "ui-long", testMatch: LONG_SPECS, outputDir: "test-results/ui-long", use: browser },
  ],
});
