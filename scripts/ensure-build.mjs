// Builds the Next.js app and the bundled server (dist/server.mjs) when there
// is no build yet or a source file is newer than it, so `npm start` on a
// fresh clone (or after a pull) just works.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "server", "db", "public", "next.config.ts", "package-lock.json"];

function newest(entry) {
  const full = path.join(root, entry);
  // Tests beside the code are not part of the build; editing one must not force a rebuild.
  if (!existsSync(full) || /\.test\.tsx?$/.test(entry)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newest(path.join(entry, child))));
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
if (builtAt(buildId) < Math.max(...sources.map(newest))) {
  console.log("Building the web app (first start or sources changed)…");
  execSync("npx next build", { cwd: root, stdio: "inherit" });
}
const serverBundle = path.join(root, "dist", "server.mjs");
const serverSources = ["server", "db", "workers", "package-lock.json"];
if (builtAt(serverBundle) < Math.max(...serverSources.map(newest))) {
  execSync(`"${process.execPath}" scripts/build-server.mjs`, { cwd: root, stdio: "inherit" });
}
