// Applies the committed SQL migrations (drizzle) and graphile-worker's schema.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";

// Found from this file up, so that it is found from db/ (sources) and from dist/ (the bundled server) alike.
function findMigrationsFolder(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "db", "migrations");
    if (existsSync(candidate)) return candidate;
    if (dir === path.dirname(dir)) throw new Error("cannot find the db/migrations folder");
  }
}

export const migrationsFolder = findMigrationsFolder();

export async function migrateDatabase(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
  await runMigrations({ connectionString: url, logger: quietLogger });
}

const quietLogger = new Logger(() => () => {});
