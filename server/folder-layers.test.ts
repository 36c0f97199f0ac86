// The server's folders form layers (docs/architecture.md, "Folders and their
// layers"): a module may import its own layer or a lower one, never a higher
// one, so a low-level folder never depends on the features built on it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** Lowest first. Files directly under server/ are placed by name. */
const layers: readonly (readonly string[])[] = [
  ["db", "server/lib", "server/contracts", "server/env.ts"],
  ["server/observability", "server/geofence", "server/ml", "server/patrols"],
  [
    "server/auth",
    "server/infra",
    "server/http",
    "server/realtime",
    "server/notifications",
    "server/presenters",
    "server/runtime.ts",
  ],
  ["server/services"],
  ["server/ingest", "server/liveness", "server/openapi"],
  ["server/roles", "workers", "server/cli", "server"],
];

function layerOf(file: string): number {
  let best = { index: -1, length: -1 };
  layers.forEach((folders, index) => {
    for (const folder of folders) {
      const matches = file === folder || file.startsWith(`${folder}/`);
      if (matches && folder.length > best.length) best = { index, length: folder.length };
    }
  });
  return best.index;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
  });
}

function upwardImports(): string[] {
  const found: string[] = [];
  for (const file of ["db", "server", "workers"].flatMap(sourceFiles)) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    for (const [, specifier] of source.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      const resolved = path.relative(root, path.resolve(root, path.dirname(file), specifier!));
      const target = fs.existsSync(path.join(root, `${resolved}.ts`)) ? `${resolved}.ts` : resolved;
      if (layerOf(target) > layerOf(file)) found.push(`${file} imports ${target}`);
    }
  }
  return found;
}

describe("server folder layers", () => {
  it("no module imports a folder of a higher layer", () => {
    expect(upwardImports()).toEqual([]);
  });

  it("every server folder has a layer", () => {
    const folders = fs
      .readdirSync(path.join(root, "server"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `server/${entry.name}`);
    const placed = new Set(layers.flat());
    expect(folders.filter((folder) => !placed.has(folder))).toEqual([]);
  });
});
