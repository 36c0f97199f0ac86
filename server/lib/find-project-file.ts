// A file of the project found from this module up: the same call works from
// the sources (run by tsx or the tests) and from dist/server.mjs, the bundled
// server, where a module's own URL no longer sits beside its neighbours.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function findProjectFile(relativePath: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dir === path.dirname(dir)) throw new Error(`cannot find ${relativePath} in the project`);
  }
}
