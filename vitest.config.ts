// Two projects: fast unit tests beside pure logic, and integration tests that
// run against one real PostgreSQL (started by the global setup, one database
// per test file cloned from a migrated template) and real MQTT brokers.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    // The machine has 2 cores; each integration file runs a whole Vigil.
    pool: "forks",
    maxWorkers: 2,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.reliability.test.ts", "**/node_modules/**", "e2e/**", ".next/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["**/node_modules/**", "e2e/**", ".next/**"],
          globalSetup: ["test/harness/global-setup.ts"],
          setupFiles: ["test/harness/quiet-logs.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Fault tests too long for the integration run (minutes of broker restarts and
        // kills); `npm run test:reliability`, inside `npm test`. docs/reliability.md lists them.
        extends: true,
        test: {
          name: "reliability",
          include: ["**/*.reliability.test.ts"],
          exclude: ["**/node_modules/**", "e2e/**", ".next/**"],
          globalSetup: ["test/harness/global-setup.ts"],
          setupFiles: ["test/harness/quiet-logs.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
