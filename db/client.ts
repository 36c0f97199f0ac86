// Database clients. Hot paths use postgres.js directly; drizzle gets a client
// of its own because it changes the date serializers of the client it wraps.
import postgres, { type Sql } from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type { Sql };

// postgres.js waits longer and longer between reconnect attempts while the
// database is down (3^n/100 s, up to 20 s): after a 30 s outage the first
// query waited up to 12 s for a connection, holding back ingestion that long
// after the database was back. Capped at 1 s (with the same jitter).
const reconnectBackoff = (retries: number) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 1);

export function createSql(url: string, { max = 10 }: { max?: number } = {}): Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    backoff: reconnectBackoff,
    connection: { application_name: "vigil" },
  });
}

export function createDb(url: string, { max = 10 }: { max?: number } = {}): { db: Db; close: () => Promise<void> } {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    backoff: reconnectBackoff,
    connection: { application_name: "vigil-drizzle" },
  });
  return { db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}
