// The dependencies whose internals Vigil changes, each pinned to the exact
// version the change was written for, checked once at start so that an
// upgrade or an install that skipped `patch-package` cannot run silently
// unpatched. patches/README.md says why each exists and when to drop it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { MqttClient } from "mqtt";

type DependencyPatch = {
  name: string;
  version: string;
  why: string;
  /** Undefined when the change is in place, else what is missing. */
  problem: (packageDir: string) => string | undefined;
};

const POSTGRES_MARKER = "Vigil patch (patches/README.md)";

const DEPENDENCY_PATCHES: readonly DependencyPatch[] = [
  {
    name: "postgres",
    version: "3.4.9",
    why: "patches/postgres+3.4.9.patch: a write scheduled after the connection closed throws from a timer",
    problem: (packageDir) => {
      const unpatched = ["src", "cjs/src", "cf/src"].filter(
        (dir) => !readFileSync(path.join(packageDir, dir, "connection.js"), "utf8").includes(POSTGRES_MARKER),
      );
      return unpatched.length > 0 ? `not patched: ${unpatched.join(", ")} (run npx patch-package)` : undefined;
    },
  },
  {
    name: "mqtt",
    version: "5.16.0",
    why: "server/ingest/deferred-puback.ts wraps MqttClient._sendPacket to hold PUBACKs until commit",
    problem: () =>
      typeof (MqttClient.prototype as unknown as Record<string, unknown>)._sendPacket === "function"
        ? undefined
        : "MqttClient.prototype._sendPacket is gone",
  },
];

/** What is wrong with the patched dependencies as installed; empty when all is in place. */
export function dependencyPatchProblems(projectDir: string): string[] {
  const require = createRequire(path.join(projectDir, "package.json"));
  return DEPENDENCY_PATCHES.flatMap(({ name, version, why, problem }) => {
    const packageDir = findPackageDir(require.resolve(name), name);
    const installed = readManifest(packageDir)?.version;
    if (installed !== version) return [`${name} ${installed} is installed, Vigil is patched for ${version} (${why})`];
    const found = problem(packageDir);
    return found ? [`${name} ${version}: ${found} (${why})`] : [];
  });
}

function readManifest(dir: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}

// Walks up from the entry point: postgres's "exports" does not include its package.json.
function findPackageDir(entry: string, name: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (readManifest(dir)?.name === name) return dir;
  }
  throw new Error(`cannot find the installed ${name} package`);
}
