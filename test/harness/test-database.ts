// One database per test file, cloned from the migrated template (fast: no migrations).
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { TEMPLATE_DATABASE } from "./template-database";

export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("databaseAdminUrl");
  const name = `vigil_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
