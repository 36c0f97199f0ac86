// Bundles the custom server (server/main.ts and all it imports from the
// project) into dist/server.mjs with esbuild, so that production runs plain
// JavaScript on Node instead of compiling TypeScript at each start with tsx.
// Packages stay external (loaded from node_modules as installed, patched ones
// included); Next.js builds the pages and route handlers separately.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

await build({
  absWorkingDir: root,
  entryPoints: ["server/main.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  // Some dependencies' CommonJS, once inlined, call require(): give the ES module one.
  banner: {
    js: "import { createRequire as __vigilCreateRequire } from 'node:module'; const require = __vigilCreateRequire(import.meta.url);",
  },
});
console.log("Built the server: dist/server.mjs");
