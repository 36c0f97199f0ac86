// Page load times after a build: each persona's main pages opened in
// Debian's Chromium (headless, 1400x900) by a signed-in admin, five times
// each, timed by the browser's own navigation timing (request start to the
// end of the load event: HTML, scripts and styles, the page hydrated).
import { chromium } from "@playwright/test";
import { percentile } from "./stats";

const PAGES = [
  { path: "/", name: "NOC console" },
  { path: "/devices", name: "devices" },
  { path: "/sites", name: "sites" },
  { path: "/reports", name: "reports" },
  { path: "/admin/users", name: "users" },
  { path: "/training", name: "training" },
  { path: "/m", name: "supervisor's phone page" },
];
const LOADS = 5;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"];

export async function measurePageLoads({
  vigilUrl,
  account,
  guards,
}: {
  vigilUrl: string;
  account: { email: string; password: string };
  guards: number;
}): Promise<[string, string, string][]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${vigilUrl}/login`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${vigilUrl}/`);
    const rows: [string, string, string][] = [];
    for (const { path, name } of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`${vigilUrl}${path}`, { waitUntil: "load" });
        times.push(
          await page.evaluate(() => {
            const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
            return Math.round(nav!.loadEventEnd - nav!.startTime);
          }),
        );
      }
      const sorted = [...times].sort((a, b) => a - b);
      rows.push([
        `Page load after a build, ${name} (${path}), signed-in admin, headless Chromium at 1400x900, p50 / max of ${LOADS}`,
        `${percentile(sorted, 50)} / ${sorted.at(-1)} ms`,
        `budget < 1 s; the tenant has ${guards.toLocaleString("en")} guards with positions`,
      ]);
    }
    return rows;
  } finally {
    await browser.close();
  }
}
