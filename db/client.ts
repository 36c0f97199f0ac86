// Database clients. Hot paths use postgres.js directly; drizzle gets a client
// of its own because it changes the date serializers of the client it wraps.
import postgres, { type Sql } from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type { Sql };

export function createSql(url: string, { max = 10 }: { max?: number } = {}): Sql {
  return postgres(url, { max, onnotice: () => {}, connection: { application_name: "vigil" } });
}

export function createDb(url: string, { max = 10 }: { max?: number } = {}): { db: Db; close: () => Promise<void> } {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "vigil-drizzle" } });
  return { db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}
